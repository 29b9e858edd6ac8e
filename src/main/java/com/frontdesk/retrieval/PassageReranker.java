package com.frontdesk.retrieval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.frontdesk.knowledge.Passage;

/**
 * Orders a question's candidate passages by how likely each is the one that answers it: a logistic regression over a
 * few measurements of each candidate that do not depend on what the practice's page says (its place and score in the
 * fused ranking, its keyword score against the best, how close in meaning the question is to the passage and to its
 * closest sentence, how much of the question's topical words it and its heading hold, its section's share of the
 * nearest labelled questions' votes, how close the single nearest one is when it names its section and how far that one
 * leads the nearest naming another). The weights are fitted on the labelled questions of
 * {@code retrieval/questions/} ({@code RerankerTraining} in the tests) and shipped in
 * {@code retrieval/rerank-weights.tsv}; the same weights always give the same order.
 */
final class PassageReranker {

	static final String WEIGHTS = "retrieval/rerank-weights.tsv";

	/** The features, in the order of {@link Candidate#features()}. */
	static final List<String> FEATURES = List.of("bias", "fused", "fused_rank", "keyword", "keyword_rank",
			"vector_rank", "cosine", "sentence", "topic", "topic_heading", "sentence_topic", "votes", "votes_all",
			"top_voted", "defining", "length", "nearest_vote", "nearest_lead");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

	/**
	 * One candidate passage and its features.
	 * @param features the values of {@link #FEATURES}, in their order
	 */
	record Candidate(Passage passage, double[] features) {
	}

	/**
	 * What is measured of a candidate before the features relative to the other candidates are derived.
	 * @param fused the fused score in units of a first rank
	 * @param fusedRank its place in the fused ranking, from 0
	 * @param keyword its BM25 score over the best hit's (0: not among the keyword hits)
	 * @param keywordRank its place among the keyword hits, from 0 (-1: not among them)
	 * @param vectorRank its place among the nearest passages, from 0 (-1: not among them)
	 * @param topic share of the question's topical words (weighted by rarity) in the passage
	 * @param topicHeading the same share in its section path
	 * @param votes its section's share of the nearest labelled questions' votes, as far as they count against a clear
	 * keyword lead
	 * @param allVotes its section's share of those votes, whatever the keyword ranking
	 * @param topVoted its section has the most votes
	 * @param defining whether it is the passage that defines the procedure a definition question asks about
	 * @param topicWeights the rarity of each of {@code topicTerms}
	 * @param topicTerms the question's topical terms
	 * @param nearestVote the cosine of the single nearest labelled question when it names this passage's section, else
	 * 0: a question written almost alike is a surer sign than the shares of several that are less so
	 * @param nearestLead when it names this passage's section, how much closer that question is than the nearest one
	 * labelled with another section, else 0 (two labelled questions about as close that name different sections
	 * say little)
	 */
	record Measured(Passage passage, double fused, int fusedRank, double keyword, int keywordRank, int vectorRank,
			double topic, double topicHeading, double votes, double allVotes, boolean topVoted, boolean defining,
			List<Double> topicWeights, List<String> topicTerms, double nearestVote, double nearestLead) {
	}

	private final double[] weights;

	private final boolean enabled;

	private final Embeddings embeddings;

	private final TextAnalysis analysis;

	private volatile Consumer<List<Candidate>> observer;

	PassageReranker(RerankProperties properties, Embeddings embeddings, TextAnalysis analysis) {
		this.enabled = properties.enabled();
		this.embeddings = embeddings;
		this.analysis = analysis;
		this.weights = read(properties.weightsFile());
	}

	/** Whether the candidates are put in the reranker's order (else the fused score with the votes decides). */
	boolean enabled() {
		return enabled;
	}

	/** Reads the candidates' features as they are computed, for fitting the weights; null stops. */
	void observe(Consumer<List<Candidate>> observer) {
		this.observer = observer;
	}

	/** The candidates' features. */
	List<Candidate> candidates(List<Measured> measured, float[] question) {
		List<Candidate> candidates = new ArrayList<>();
		for (Measured m : measured) {
			Passage passage = m.passage();
			boolean vectors = question != null && embeddings.enabled() && !"es".equals(passage.language());
			List<String> sentences = sentences(passage);
			double cosine = vectors
					? Embeddings.cosine(question, embeddings.content(KnowledgeIndex.embeddingText(passage))) : 0;
			candidates.add(new Candidate(passage,
					new double[] { 1, m.fused(), 1.0 / (1 + m.fusedRank()), m.keyword(), reciprocal(m.keywordRank()),
							reciprocal(m.vectorRank()), cosine, vectors ? bestSentence(question, sentences) : 0,
							m.topic(), m.topicHeading(), sentenceTopic(m, sentences), m.votes(), m.allVotes(),
							m.topVoted() ? 1 : 0, m.defining() ? 1 : 0,
							Math.log(1 + passage.text().split("\\s+").length), m.nearestVote(), m.nearestLead() }));
		}
		Consumer<List<Candidate>> reader = observer;
		if (reader != null) {
			reader.accept(List.copyOf(candidates));
		}
		return candidates;
	}

	private static double reciprocal(int rank) {
		return rank < 0 ? 0 : 1.0 / (1 + rank);
	}

	private static List<String> sentences(Passage passage) {
		return SENTENCE_END.splitAsStream(passage.text()).map(String::strip).filter(s -> s.length() > 1).toList();
	}

	/** The largest share of the question's topical words (weighted by rarity) that one sentence holds. */
	private double sentenceTopic(Measured m, List<String> sentences) {
		double total = m.topicWeights().stream().mapToDouble(Double::doubleValue).sum();
		if (total <= 0) {
			return 0;
		}
		double best = 0;
		for (String sentence : sentences) {
			java.util.Set<String> terms = new java.util.HashSet<>(analysis.passageTerms(sentence, m.passage().language()));
			double held = 0;
			for (int i = 0; i < m.topicTerms().size(); i++) {
				held += terms.contains(m.topicTerms().get(i)) ? m.topicWeights().get(i) : 0;
			}
			best = Math.max(best, held / total);
		}
		return best;
	}

	/** The candidates best first by the model's score; equal scores keep the fused order. */
	List<Passage> order(List<Candidate> candidates) {
		List<Candidate> sorted = new ArrayList<>(candidates);
		sorted.sort(Comparator.comparingDouble((Candidate c) -> score(weights, c.features())).reversed());
		return sorted.stream().map(Candidate::passage).toList();
	}

	/** The model's log-odds that the candidate is the passage that answers the question. */
	static double score(double[] weights, double[] features) {
		double sum = 0;
		for (int i = 0; i < features.length; i++) {
			sum += weights[i] * features[i];
		}
		return sum;
	}

	private double bestSentence(float[] question, List<String> sentences) {
		if (sentences.isEmpty()) {
			return 0;
		}
		double best = -1;
		for (float[] vector : embeddings.contents(sentences)) {
			best = Math.max(best, Embeddings.cosine(question, vector));
		}
		return best;
	}

	/** The weights by feature name; a feature the file does not name weighs 0. */
	static double[] read(String file) {
		List<String> lines;
		try {
			lines = file == null || file.isBlank() ? ResourceLines.of(WEIGHTS)
					: Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		double[] weights = new double[FEATURES.size()];
		for (String line : lines) {
			String[] fields = line.split("\t");
			int at = FEATURES.indexOf(fields[0].strip());
			if (at < 0 || fields.length < 2) {
				throw new IllegalStateException("Not a feature weight ('name TAB weight'): " + line);
			}
			weights[at] = Double.parseDouble(fields[1].strip());
		}
		return weights;
	}

	/** Writes weights in the file format {@link #read} reads. */
	static String format(double[] weights, String header) {
		StringBuilder text = new StringBuilder(header);
		for (int i = 0; i < weights.length; i++) {
			text.append(FEATURES.get(i)).append('\t').append(String.format(java.util.Locale.ROOT, "%.4f", weights[i]))
				.append('\n');
		}
		return text.toString();
	}

	static Map<String, Double> named(double[] weights) {
		Map<String, Double> named = new java.util.LinkedHashMap<>();
		for (int i = 0; i < weights.length; i++) {
			named.put(FEATURES.get(i), weights[i]);
		}
		return named;
	}

}
