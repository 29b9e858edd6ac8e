package com.frontdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.frontdesk.retrieval.Embeddings;

/**
 * The net behind the concept rules: a message that no concept matches, and in which triage found no red flag it
 * understood as negated or hypothetical, but whose meaning is close to one of the red-flag descriptions of
 * {@code triage/safety-net.txt} (cosine of the in-process embedding model at or above the calibrated threshold),
 * still gets that concept's advice first. It reads the vector retrieval computes for the question anyway.
 */
@Component
public class SafetyNet {

	private record Description(String concept, String text) {
	}

	private final Triage triage;

	private final Embeddings embeddings;

	private final TriageProperties.SafetyNetSettings settings;

	private final List<Description> bank = read();

	private volatile List<float[]> vectors;

	SafetyNet(Triage triage, Embeddings embeddings, TriageProperties properties) {
		this.triage = triage;
		this.embeddings = embeddings;
		this.settings = properties.safetyNet();
	}

	/** Whether the net can look at a message: it is switched on and the embedding model is there. */
	public boolean active() {
		return settings.enabled() && embeddings.enabled();
	}

	/**
	 * The red flag the message is close in meaning to, as a triage result with that concept's advice; CLEAR when none
	 * is close enough.
	 * @param vector the question's vector (as retrieval computes it); null: nothing to compare
	 * @param spanish the patient wrote in Spanish
	 */
	public TriageResult check(float[] vector, boolean spanish) {
		if (vector == null || !active()) {
			return TriageResult.CLEAR;
		}
		Closest closest = closest(vector, bankVectors());
		if (closest == null || closest.cosine() < settings.threshold()) {
			return TriageResult.CLEAR;
		}
		return triage.concept(closest.concept(), spanish, "safety-net:" + closest.concept());
	}

	/** The description closest to a vector: its concept and the cosine. */
	public record Closest(String concept, double cosine) {
	}

	/** The red-flag description closest in meaning to a question's vector (for calibrating the threshold). */
	public Closest closest(float[] vector) {
		return closest(vector, bankVectors());
	}

	private Closest closest(float[] vector, List<float[]> bankVectors) {
		Closest best = null;
		for (int i = 0; i < bank.size(); i++) {
			double cosine = Embeddings.cosine(vector, bankVectors.get(i));
			if (best == null || cosine > best.cosine()) {
				best = new Closest(bank.get(i).concept(), cosine);
			}
		}
		return best;
	}

	/** The descriptions' vectors, embedded once (and cached on disk like the content's). */
	private List<float[]> bankVectors() {
		List<float[]> known = vectors;
		if (known == null) {
			known = embed(embeddings::content);
			vectors = known;
		}
		return known;
	}

	private List<float[]> embed(Function<String, float[]> embedder) {
		return bank.stream().map(d -> embedder.apply(d.text())).toList();
	}

	private static List<Description> read() {
		try (InputStream in = SafetyNet.class.getClassLoader().getResourceAsStream("triage/safety-net.txt")) {
			List<Description> descriptions = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				int colon = line.indexOf(':');
				if (line.isBlank() || line.startsWith("#") || colon < 0) {
					continue;
				}
				descriptions.add(new Description(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
			}
			return List.copyOf(descriptions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
