package com.frontdesk.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vectors computed once at build time and shipped as a class-path resource, so that no instance embeds labelled
 * examples at start-up: each text with its vector, as half-precision floats, read back normalised to unit length.
 */
public final class ShippedVectors {

	private static final int MAGIC = 0x46444558;

	private ShippedVectors() {
	}

	/** The shipped vectors by text; empty when the resource is missing or not in this format. */
	public static Map<String, float[]> read(String resource) {
		Map<String, float[]> vectors = new HashMap<>();
		try (InputStream stream = ShippedVectors.class.getClassLoader().getResourceAsStream(resource)) {
			if (stream == null) {
				return vectors;
			}
			DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
			if (in.readInt() != MAGIC) {
				return vectors;
			}
			in.readUTF();
			int count = in.readInt();
			for (int n = 0; n < count; n++) {
				String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
				float[] vector = new float[in.readShort()];
				double norm = 0;
				for (int i = 0; i < vector.length; i++) {
					vector[i] = Float.float16ToFloat(in.readShort());
					norm += vector[i] * vector[i];
				}
				float scale = (float) (1 / Math.sqrt(norm));
				for (int i = 0; i < vector.length; i++) {
					vector[i] *= scale;
				}
				vectors.put(text, vector);
			}
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The vectors of some texts: the shipped one where the resource has the same text, the others embedded now (null
	 * for a blank text).
	 */
	public static float[][] forTexts(String resource, List<String> texts, Function<String, float[]> embedder) {
		Map<String, float[]> shipped = read(resource);
		float[][] vectors = new float[texts.size()][];
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			float[] known = shipped.get(text);
			vectors[i] = known != null ? known : text.isBlank() ? null : embedder.apply(text);
		}
		return vectors;
	}

	/** How many of the (non-blank) texts have no vector in the resource: they would be embedded at load. */
	public static long missing(String resource, List<String> texts) {
		Map<String, float[]> shipped = read(resource);
		return texts.stream().filter(text -> !text.isBlank() && !shipped.containsKey(text)).count();
	}

	/** Writes texts with their vectors, in the same order ({@link #forTexts}). */
	public static void write(Path file, String model, List<String> texts, float[][] vectors) throws IOException {
		Map<String, float[]> byText = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			byText.put(texts.get(i), vectors[i]);
		}
		write(file, model, byText);
	}

	/** Writes texts and their vectors (null vectors are left out) for {@link #read}. */
	public static void write(Path file, String model, Map<String, float[]> vectors) throws IOException {
		Files.createDirectories(file.getParent());
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(MAGIC);
			out.writeUTF(model);
			out.writeInt((int) vectors.values().stream().filter(java.util.Objects::nonNull).count());
			for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
				if (entry.getValue() == null) {
					continue;
				}
				byte[] text = entry.getKey().getBytes(StandardCharsets.UTF_8);
				out.writeInt(text.length);
				out.write(text);
				out.writeShort(entry.getValue().length);
				for (float value : entry.getValue()) {
					out.writeShort(Float.floatToFloat16(value));
				}
			}
		}
	}

}
