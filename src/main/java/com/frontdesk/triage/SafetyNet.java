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
import com.frontdesk.retrieval.TextAnalysis;

/**
 * The net behind the concept rules, in two parts, both reading the vector retrieval computes for the question anyway.
 * A message that no concept matches, and in which triage found no red flag it understood as negated or hypothetical,
 * but whose meaning is close to one of the red-flag descriptions of {@code triage/safety-net.txt} (cosine at or above
 * the calibrated threshold), still gets that concept's advice first. And any message the rules leave without an alarm
 * whose nearest labelled examples ({@code triage/examples/}) are clearly emergencies rather than look-alikes (the
 * calibrated margin) gets the advice of the nearest emergency's concept: examples can overrule a reading of
 * negation or the past, since an uncertain context errs towards safety, but never lower an alarm.
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

	private final TextAnalysis analysis;

	private final Redactor redactor;

	private volatile ExampleBank examples;

	/** How many of the nearest emergencies and of the nearest others are averaged. */
	static final int NEIGHBOURS = 3;

	SafetyNet(Triage triage, Embeddings embeddings, TextAnalysis analysis, Redactor redactor,
			TriageProperties properties) {
		this.triage = triage;
		this.embeddings = embeddings;
		this.analysis = analysis;
		this.redactor = redactor;
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
	 * @param rules triage's decision by its rules, which left the message without an alarm
	 */
	public TriageResult check(float[] vector, TriageResult rules) {
		if (vector == null || !active() || rules.urgent()) {
			return TriageResult.CLEAR;
		}
		if (!rules.redFlagMentioned()) {
			Closest closest = closest(vector, bankVectors());
			if (closest != null && closest.cosine() >= settings.threshold()) {
				return triage.concept(closest.concept(), rules.spanish(), "safety-net:" + closest.concept());
			}
		}
		ExampleBank.Nearest nearest = exampleBank().nearest(vector, NEIGHBOURS, null);
		if (nearest.margin() >= settings.marginFor(nearest.concept())) {
			return triage.concept(nearest.concept(), rules.spanish(), "safety-net-examples:" + nearest.concept());
		}
		return TriageResult.CLEAR;
	}

	/**
	 * How much nearer a vector's nearest emergency examples are than its nearest look-alikes (for calibrating the
	 * margin): the margin and the nearest emergency's concept.
	 * @param excludeMessage an example to leave out, so that the bank's own examples are scored fairly; null for none
	 */
	public Closest nearestExamples(float[] vector, String excludeMessage) {
		ExampleBank bank = exampleBank();
		String excluded = excludeMessage == null ? null : wording(excludeMessage);
		ExampleBank.Nearest nearest = bank.nearest(vector, NEIGHBOURS, excluded);
		return new Closest(nearest.concept(), nearest.margin());
	}

	/** Reads the examples and the descriptions' vectors now, when the net is on (while the application starts). */
	void prepare() {
		if (active()) {
			exampleBank();
			bankVectors();
		}
	}

	/** The examples and their vectors, read once. */
	ExampleBank exampleBank() {
		ExampleBank bank = examples;
		if (bank == null) {
			synchronized (this) {
				bank = examples;
				if (bank == null) {
					bank = ExampleBank.load(this::wording, embeddings::content);
					examples = bank;
				}
			}
		}
		return bank;
	}

	/** A message in the words its vector is computed from: redacted, in the content's words, as retrieval does. */
	String wording(String message) {
		return analysis.clinicalWording(redactor.searchable(message));
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
