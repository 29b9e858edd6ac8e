package com.frontdesk.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.frontdesk.knowledge.Passage;

/**
 * Labelled patient questions ({@code retrieval/questions/}): ones the practice's page answers and ones it does not
 * (cost, risks, recovery time...). How much closer in meaning a new question is to the answerable ones than to the
 * others is one piece of the evidence that decides whether the page answers it ({@link Answerability}).
 */
final class QuestionExamples {

	static final String FOLDER = "retrieval/questions/";

	static final List<String> FILES = List.of("tune.tsv", "tune-2.tsv", "tune-3.tsv", "tune-4.tsv", "tune-5.tsv",
			"tune-6.tsv", "tune-7.tsv", "tune-8.tsv", "tune-9.tsv", "tune-10.tsv", "tune-11.tsv", "k-qa-half.tsv");

	static final String VECTORS = FOLDER + "vectors.bin";

	static final String LABELLED_AGAINST = FOLDER + "labelled-against.txt";

	static final int NEIGHBOURS = 3;

	/** How many of the nearest answerable examples vote for the section that answers a question. */
	static final int VOTERS = 5;

	/** How many of the nearest examples are searched for one of another section than the nearest's. */
	private static final int LEAD_DEPTH = 40;

	/** Labels of answerable examples that name no section of the page: the practice profile answers them. */
	private static final Set<String> NOT_A_SECTION = Set.of("practice_info", "not_covered");

	/**
	 * @param label the section of the page that answers the example, {@code practice_info} or {@code not_covered}
	 * @param wording the question as its vector is computed (the last message of a follow-up, in the content's words)
	 */
	record Example(String label, boolean answerable, String message, String wording) {
	}

	private final List<Example> examples;

	private final float[][] vectors;

	private final Set<String> documents;

	private QuestionExamples(List<Example> examples, float[][] vectors, Set<String> documents) {
		this.examples = examples;
		this.vectors = vectors;
		this.documents = documents;
	}

	static QuestionExamples load(UnaryOperator<String> wording, Function<String, float[]> embedder) {
		List<Example> examples = read(wording);
		Map<String, float[]> shipped = ShippedVectors.read(VECTORS);
		float[][] vectors = new float[examples.size()][];
		for (int i = 0; i < examples.size(); i++) {
			String text = examples.get(i).wording();
			float[] known = shipped.get(text);
			vectors[i] = known != null ? known : text.isBlank() ? null : embedder.apply(text);
		}
		return new QuestionExamples(examples, vectors, Set.copyOf(ResourceLines.of(LABELLED_AGAINST)));
	}

	/**
	 * Whether the examples' labels speak for a passage: it is part of a document they were labelled against. Content
	 * added later may answer what the examples call not covered.
	 */
	boolean labelled(Passage passage) {
		return documents.contains(passage.document());
	}

	List<Example> examples() {
		return examples;
	}

	/**
	 * The mean cosine of the {@link #NEIGHBOURS} nearest answerable examples minus that of the nearest others. An
	 * example never counts for its own wording, so that the examples themselves are scored as any new question is.
	 */
	double margin(float[] vector, String wording) {
		NearestCosines answerable = new NearestCosines(NEIGHBOURS);
		NearestCosines others = new NearestCosines(NEIGHBOURS);
		for (int i = 0; i < examples.size(); i++) {
			if (vectors[i] == null || examples.get(i).wording().equals(wording)) {
				continue;
			}
			(examples.get(i).answerable() ? answerable : others).add(Embeddings.cosine(vector, vectors[i]));
		}
		return answerable.mean() - others.mean();
	}

	/**
	 * The sections named by the {@link #VOTERS} nearest answerable examples, each with its share of their summed
	 * cosine (0..1). As in {@link #margin}, an example never votes for its own wording.
	 */
	Map<String, Double> sectionVotes(float[] vector, String wording) {
		List<Map.Entry<String, Double>> nearest = nearestSections(vector, wording, VOTERS);
		double total = nearest.stream().mapToDouble(e -> Math.max(0, e.getValue())).sum();
		Map<String, Double> votes = new LinkedHashMap<>();
		for (int i = 0; i < nearest.size() && total > 0; i++) {
			votes.merge(nearest.get(i).getKey(), Math.max(0, nearest.get(i).getValue()) / total, Double::sum);
		}
		return votes;
	}

	/**
	 * The nearest answerable example that names a section: its section, its cosine and its lead over the nearest
	 * example of another section (an empty section and 0 when there is none). As in {@link #sectionVotes}, an example
	 * never counts for its own wording.
	 */
	NearestExample nearestExample(float[] vector, String wording) {
		List<Map.Entry<String, Double>> nearest = nearestSections(vector, wording, LEAD_DEPTH);
		if (nearest.isEmpty()) {
			return new NearestExample("", 0, 0);
		}
		Map.Entry<String, Double> first = nearest.getFirst();
		double other = nearest.stream().filter(e -> !e.getKey().equals(first.getKey())).mapToDouble(Map.Entry::getValue)
			.findFirst().orElse(0);
		return new NearestExample(first.getKey(), first.getValue(), first.getValue() - other);
	}

	/**
	 * @param section the section the nearest example is labelled with
	 * @param cosine its cosine with the question
	 * @param lead how much closer it is than the nearest example labelled with another section
	 */
	record NearestExample(String section, double cosine, double lead) {
	}

	/** The sections of the {@code n} nearest answerable examples that name one, nearest first, with their cosines. */
	private List<Map.Entry<String, Double>> nearestSections(float[] vector, String wording, int n) {
		List<Map.Entry<String, Double>> nearest = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			Example example = examples.get(i);
			if (vectors[i] == null || !example.answerable() || NOT_A_SECTION.contains(example.label())
					|| example.wording().equals(wording)) {
				continue;
			}
			double cosine = Embeddings.cosine(vector, vectors[i]);
			int at = 0;
			while (at < nearest.size() && nearest.get(at).getValue() >= cosine) {
				at++;
			}
			if (at < n) {
				nearest.add(at, Map.entry(example.label(), cosine));
				if (nearest.size() > n) {
					nearest.removeLast();
				}
			}
		}
		return nearest;
	}

	void write(Path file, String model) throws IOException {
		Map<String, float[]> byWording = new LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			byWording.put(examples.get(i).wording(), vectors[i]);
		}
		ShippedVectors.write(file, model, byWording);
	}

	static long missingVectors(UnaryOperator<String> wording) {
		Map<String, float[]> shipped = ShippedVectors.read(VECTORS);
		return read(wording).stream().filter(e -> !e.wording().isBlank() && !shipped.containsKey(e.wording())).count();
	}

	/** The last message of a follow-up written as {@code "earlier || later"}. */
	static String lastMessage(String message) {
		int cut = message.lastIndexOf("||");
		return (cut < 0 ? message : message.substring(cut + 2)).strip();
	}

	/**
	 * The examples of every file; a question written alike in several sets ("recovery time?") counts once, so that no
	 * wording weighs more among a question's nearest examples for being repeated.
	 */
	private static List<Example> read(UnaryOperator<String> wording) {
		List<Example> examples = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (String file : FILES) {
			for (String line : ResourceLines.of(FOLDER + file)) {
				String[] fields = line.split("\t");
				String message = fields.length < 2 ? "" : lastMessage(fields[1]);
				if (message.isEmpty() || !seen.add(message)) {
					continue;
				}
				String label = fields[0].strip();
				examples.add(new Example(label, !label.equals("not_covered"), message, wording.apply(message)));
			}
		}
		return List.copyOf(examples);
	}

}
