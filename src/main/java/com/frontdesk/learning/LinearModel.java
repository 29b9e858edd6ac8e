package com.frontdesk.learning;

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
 * A multinomial logistic regression over the {@link WordFeatures} of a message and over its vector: the probability
 * of each class. Learned offline from labelled messages and shipped as a resource (half floats, with a fingerprint
 * of the examples it was learned from), read once; the same message always gets the same probabilities.
 */
public final class LinearModel {

	private static final int MAGIC = 0x46445246;

	private final List<String> classes;

	/** The words' weights, slot by slot: a slot's weight for each class side by side, read together. */
	private final float[] sparse;

	private final float[][] dense;

	private final float[] bias;

	private final float denseScale;

	private final long fingerprint;

	/** @param sparse the weight of slot {@code s} for class {@code c} at {@code s * classes.size() + c} */
	LinearModel(List<String> classes, float[] sparse, float[][] dense, float[] bias, float denseScale,
			long fingerprint) {
		this.classes = List.copyOf(classes);
		this.sparse = sparse;
		this.dense = dense;
		this.bias = bias;
		this.denseScale = denseScale;
		this.fingerprint = fingerprint;
	}

	public List<String> classes() {
		return classes;
	}

	/** What the examples the model was learned from were, as their owner fingerprints them. */
	public long fingerprint() {
		return fingerprint;
	}

	/**
	 * A fingerprint of what a model is learned from: the parts in their order (each example's label and text, say);
	 * another part, order or label gives another number. Stored in the model, so that a test can tell a model learned
	 * from other examples.
	 */
	public static long fingerprint(List<String> parts) {
		long h = 1125899906842597L;
		for (String part : parts) {
			for (int i = 0; i < part.length(); i++) {
				h = 31 * h + part.charAt(i);
			}
			h = 31 * h + '\t';
		}
		return h;
	}

	public int dimensions() {
		return dense[0].length;
	}

	/** The probability of each class, in the order of {@link #classes()}. */
	public double[] probabilities(int[] slots, float[] vector) {
		double sparseScale = 1 / Math.sqrt(Math.max(1, slots.length));
		float[] unit = unit(vector, dimensions());
		int count = classes.size();
		double[] logits = new double[count];
		for (int slot : slots) {
			int at = slot * count;
			for (int c = 0; c < count; c++) {
				logits[c] += sparse[at + c];
			}
		}
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < count; c++) {
			double sum = bias[c] + logits[c] * sparseScale;
			if (unit != null) {
				sum += org.apache.lucene.util.VectorUtil.dotProduct(dense[c], unit) * denseScale;
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

	/** The model shipped as this resource; null when there is none. */
	public static LinearModel load(String resource) {
		try (InputStream stream = LinearModel.class.getClassLoader().getResourceAsStream(resource)) {
			return stream == null ? null : read(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static LinearModel read(InputStream stream) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
		if (in.readInt() != MAGIC) {
			throw new IOException("Not a learned model");
		}
		long fingerprint = in.readLong();
		int count = in.readInt();
		int slots = in.readInt();
		int dimensions = in.readInt();
		float denseScale = in.readFloat();
		if (slots != WordFeatures.DIMENSIONS) {
			throw new IOException("A model for " + slots + " word slots, not " + WordFeatures.DIMENSIONS);
		}
		List<String> classes = new ArrayList<>();
		float[] sparse = new float[count * slots];
		float[][] dense = new float[count][dimensions];
		float[] bias = new float[count];
		for (int c = 0; c < count; c++) {
			classes.add(in.readUTF());
			bias[c] = in.readFloat();
			readHalves(in, dense[c]);
			for (int slot = 0; slot < slots; slot++) {
				sparse[slot * count + c] = Float.float16ToFloat(in.readShort());
			}
		}
		return new LinearModel(classes, sparse, dense, bias, denseScale, fingerprint);
	}

	public void write(Path file) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(MAGIC);
			out.writeLong(fingerprint);
			out.writeInt(classes.size());
			out.writeInt(WordFeatures.DIMENSIONS);
			out.writeInt(dimensions());
			out.writeFloat(denseScale);
			for (int c = 0; c < classes.size(); c++) {
				out.writeUTF(classes.get(c));
				out.writeFloat(bias[c]);
				for (float v : dense[c]) {
					out.writeShort(Float.floatToFloat16(v));
				}
				for (int slot = 0; slot < WordFeatures.DIMENSIONS; slot++) {
					out.writeShort(Float.floatToFloat16(sparse[slot * classes.size() + c]));
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
