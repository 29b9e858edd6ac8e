package com.frontdesk.triage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A calibrated score of how likely a message is each red flag, learned from the labelled examples of
 * {@code triage/examples/} (multinomial logistic regression over the message's words, see {@link MessageFeatures},
 * and over the vector retrieval computes for it). Class 0 is "none": everything that is not an emergency, the
 * look-alikes and the questions for the care team. Shipped as {@code triage/examples/model.bin}, written by
 * {@code RedFlagModelWriter} from the examples, and read once.
 */
final class RedFlagModel {

	static final String RESOURCE = ExampleBank.FOLDER + "model.bin";

	static final String NONE = "none";

	private static final int MAGIC = 0x46445246;

	/** The chance that a message is a red flag (any but "none"), and the most likely red flag. */
	record Score(double emergency, String concept) {
	}

	private final List<String> classes;

	private final float[][] sparse;

	private final float[][] dense;

	private final float[] bias;

	private final float denseScale;

	private final long fingerprint;

	RedFlagModel(List<String> classes, float[][] sparse, float[][] dense, float[] bias, float denseScale,
			long fingerprint) {
		this.classes = List.copyOf(classes);
		this.sparse = sparse;
		this.dense = dense;
		this.bias = bias;
		this.denseScale = denseScale;
		this.fingerprint = fingerprint;
	}

	List<String> classes() {
		return classes;
	}

	/** What the examples the model was learned from were, as {@link ExampleBank#fingerprint()} gives it. */
	long fingerprint() {
		return fingerprint;
	}

	int dimensions() {
		return dense[0].length;
	}

	/** The fewest words a message needs to be scored: the examples are sentences, and a word or two is the rules'. */
	static final int FEWEST_WORDS = 3;

	/** The score of a message; null for a message of fewer than {@link #FEWEST_WORDS} words, left to the rules. */
	Score score(String message, float[] vector) {
		List<String> words = MessageFeatures.words(Triage.normalize(message));
		return words.size() < FEWEST_WORDS ? null : score(MessageFeatures.of(words), vector);
	}

	Score score(int[] slots, float[] vector) {
		double[] p = probabilities(slots, vector);
		int best = 1;
		for (int c = 2; c < p.length; c++) {
			if (p[c] > p[best]) {
				best = c;
			}
		}
		return new Score(1 - p[0], classes.get(best));
	}

	/** The probability of each class, in the order of {@link #classes()}. */
	double[] probabilities(int[] slots, float[] vector) {
		double sparseScale = 1 / Math.sqrt(Math.max(1, slots.length));
		float[] unit = unit(vector, dimensions());
		double[] logits = new double[classes.size()];
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < logits.length; c++) {
			double sum = bias[c];
			float[] w = sparse[c];
			for (int slot : slots) {
				sum += w[slot] * sparseScale;
			}
			if (unit != null) {
				float[] d = dense[c];
				for (int i = 0; i < unit.length; i++) {
					sum += d[i] * unit[i] * denseScale;
				}
			}
			logits[c] = sum;
			max = Math.max(max, sum);
		}
		double total = 0;
		for (int c = 0; c < logits.length; c++) {
			logits[c] = Math.exp(logits[c] - max);
			total += logits[c];
		}
		for (int c = 0; c < logits.length; c++) {
			logits[c] /= total;
		}
		return logits;
	}

	/** A vector scaled to unit length; null when there is none or it has another size. */
	static float[] unit(float[] vector, int dimensions) {
		if (vector == null || vector.length != dimensions) {
			return null;
		}
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		if (norm == 0) {
			return null;
		}
		float[] unit = new float[vector.length];
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < unit.length; i++) {
			unit[i] = vector[i] * scale;
		}
		return unit;
	}

	/** The shipped model; null when there is none. */
	static RedFlagModel load() {
		try (InputStream stream = RedFlagModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			return stream == null ? null : read(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RedFlagModel read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
		if (in.readInt() != MAGIC) {
			throw new IOException("Not a red-flag model");
		}
		long fingerprint = in.readLong();
		int count = in.readInt();
		int slots = in.readInt();
		int dimensions = in.readInt();
		float denseScale = in.readFloat();
		if (slots != MessageFeatures.DIMENSIONS) {
			throw new IOException("A red-flag model for " + slots + " word slots, not " + MessageFeatures.DIMENSIONS);
		}
		List<String> classes = new ArrayList<>();
		float[][] sparse = new float[count][slots];
		float[][] dense = new float[count][dimensions];
		float[] bias = new float[count];
		for (int c = 0; c < count; c++) {
			classes.add(in.readUTF());
			bias[c] = in.readFloat();
			readHalves(in, dense[c]);
			readHalves(in, sparse[c]);
		}
		return new RedFlagModel(classes, sparse, dense, bias, denseScale, fingerprint);
	}

	void write(Path file) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(MAGIC);
			out.writeLong(fingerprint);
			out.writeInt(classes.size());
			out.writeInt(MessageFeatures.DIMENSIONS);
			out.writeInt(dimensions());
			out.writeFloat(denseScale);
			for (int c = 0; c < classes.size(); c++) {
				out.writeUTF(classes.get(c));
				out.writeFloat(bias[c]);
				for (float v : dense[c]) {
					out.writeShort(Float.floatToFloat16(v));
				}
				for (float v : sparse[c]) {
					out.writeShort(Float.floatToFloat16(v));
				}
			}
		}
	}

	private static void readHalves(DataInputStream in, float[] into) throws IOException {
		for (int i = 0; i < into.length; i++) {
			into[i] = Float.float16ToFloat(in.readShort());
		}
	}

}
