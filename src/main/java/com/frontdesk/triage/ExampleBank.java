package com.frontdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.frontdesk.learning.LinearModel;
import com.frontdesk.retrieval.Embeddings;
import com.frontdesk.retrieval.NearestCosines;
import com.frontdesk.retrieval.ShippedVectors;

/**
 * The labelled examples of {@code triage/examples/} and their vectors: patient messages that are emergencies and
 * look-alikes that are not. A message's nearest examples say how close in meaning it is to a red flag, weighed
 * against how close it is to the ordinary messages that share its words.
 */
final class ExampleBank {

	static final String FOLDER = "triage/examples/";

	static final List<String> FILES = List.of("tune-a.tsv", "tune-b.tsv", "tune-c.tsv", "tune-d.tsv", "tune-e.tsv", "tune-f.tsv", "tune-g.tsv", "tune-h.tsv", "tune-i.tsv", "tune-j.tsv", "tune-k.tsv", "tune-l.tsv", "tune-m.tsv", "tune-n.tsv", "tune-o.tsv", "tune-p.tsv", "tune-q.tsv", "tune-r.tsv", "tune-s.tsv", "tune-t.tsv", "tune-u.tsv", "tune-v.tsv", "tune-w.tsv", "look-alikes.tsv", "self-harm-in-business.tsv", "k-qa-half.tsv");

	static final String VECTORS = FOLDER + "vectors.bin";

	/**
	 * One labelled example.
	 * @param wording the message as its vector was computed (redacted, in the content's words)
	 * @param careTeam a question only the care team can answer (choosing or dosing a medicine, what a result means)
	 * @param set the file it comes from, without {@code .tsv}
	 */
	record Example(boolean emergency, boolean careTeam, String concept, String message, String wording, String set) {

		/**
		 * The class the learned score gives it: its concept when it is an emergency or a question for the care team,
		 * otherwise "none".
		 */
		String kind() {
			return emergency || careTeam ? concept : RedFlagModel.NONE;
		}

	}

	/** The nearest examples of a vector: the margin of the emergencies over the others, and the nearest emergency. */
	record Nearest(double margin, String concept, double emergency, double other) {
	}

	private final List<Example> examples;

	private final float[][] vectors;

	private ExampleBank(List<Example> examples, float[][] vectors) {
		this.examples = examples;
		this.vectors = vectors;
	}

	/**
	 * The bank with its vectors: those shipped in {@code vectors.bin} when they were computed for the same wording,
	 * the others embedded now (and kept in the content's vector cache).
	 */
	static ExampleBank load(UnaryOperator<String> wording, Function<String, float[]> embedder) {
		List<Example> examples = read(wording);
		Map<String, float[]> shipped = shippedVectors();
		float[][] vectors = new float[examples.size()][];
		for (int i = 0; i < examples.size(); i++) {
			String text = examples.get(i).wording();
			float[] known = shipped.get(text);
			vectors[i] = known != null ? known : text.isBlank() ? null : embedder.apply(text);
		}
		return new ExampleBank(examples, vectors);
	}

	List<Example> examples() {
		return examples;
	}

	/** The vector of the example at this position in {@link #examples()}; null for an empty wording. */
	float[] vector(int index) {
		return vectors[index];
	}

	/**
	 * What the examples are, in one number: each one's class and wording in order. A learned model records the
	 * fingerprint of the examples it was learned from, so that a model left behind by a change of examples is seen.
	 */
	long fingerprint() {
		return LinearModel.fingerprint(
				examples.stream().flatMap(example -> java.util.stream.Stream.of(example.kind(), example.wording())).toList());
	}

	/**
	 * The mean cosine of the {@code k} nearest emergencies minus that of the {@code k} nearest others, and the
	 * concept of the nearest emergency.
	 * @param exclude an example's wording to leave out (to score the bank's own examples fairly); null for none
	 */
	Nearest nearest(float[] vector, int k, String exclude) {
		return nearestWithout(vector, k, example -> example.wording().equals(exclude));
	}

	/**
	 * The same, leaving out every example a test picks (to score a whole set as if it were new).
	 */
	Nearest nearestWithout(float[] vector, int k, java.util.function.Predicate<Example> exclude) {
		NearestCosines emergencies = new NearestCosines(k);
		NearestCosines others = new NearestCosines(k);
		double best = -1;
		String concept = "none";
		for (int i = 0; i < examples.size(); i++) {
			Example example = examples.get(i);
			if (vectors[i] == null || exclude.test(example)) {
				continue;
			}
			double cosine = Embeddings.cosine(vector, vectors[i]);
			if (example.emergency()) {
				emergencies.add(cosine);
				if (cosine > best) {
					best = cosine;
					concept = example.concept();
				}
			}
			else {
				others.add(cosine);
			}
		}
		double emergency = emergencies.mean();
		double other = others.mean();
		return new Nearest(emergency - other, concept, emergency, other);
	}

	/** Writes every example's vector, as half-precision floats, for {@code vectors.bin}. */
	void write(Path file, String model) throws IOException {
		Map<String, float[]> byWording = new java.util.LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			byWording.put(examples.get(i).wording(), vectors[i]);
		}
		ShippedVectors.write(file, model, byWording);
	}

	/** How many examples had no shipped vector and were embedded at load. */
	static long missingVectors(UnaryOperator<String> wording) {
		Map<String, float[]> shipped = shippedVectors();
		return read(wording).stream().filter(e -> !e.wording().isBlank() && !shipped.containsKey(e.wording())).count();
	}

	private static Map<String, float[]> shippedVectors() {
		return ShippedVectors.read(VECTORS);
	}

	private static List<Example> read(UnaryOperator<String> wording) {
		List<Example> examples = new ArrayList<>();
		for (String file : FILES) {
			try (InputStream in = ExampleBank.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
				if (in == null) {
					throw new IllegalStateException("Missing triage examples " + FOLDER + file);
				}
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					String[] fields = line.split("\t", 3);
					if (line.isBlank() || line.startsWith("#") || fields.length < 3) {
						continue;
					}
					boolean emergency = fields[0].equals("emergency") || fields[0].equals("self_harm");
					String message = fields[2].strip();
					examples.add(new Example(emergency, fields[0].equals("needs_clinician"), fields[1].strip(), message,
							wording.apply(message),
							file.replace(".tsv", "")));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return List.copyOf(examples);
	}

}
