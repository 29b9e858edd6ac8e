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
 * The net behind the concept rules, reading the vector retrieval computes for the question anyway. First the learned
 * red-flag score ({@link RedFlagModel}, from the labelled examples of {@code triage/examples/}): a message the rules
 * leave without an alarm whose chance of thoughts of self-harm is at least {@code self-harm-score-at} gets the crisis
 * line; one that scores at least {@code score-at}, and whose nearest examples are emergencies more than
 * look-alikes, gets the advice of the red flag it scores highest, and
 * an alarm of the rules is taken back ({@link #review}) only when the score is under {@code score-clears-below}. Then,
 * unless the score is that low, a message that no concept matches, and in which triage found no red flag it
 * understood as negated or hypothetical, but whose meaning is close to one of the red-flag descriptions of
 * {@code triage/safety-net.txt} (cosine at or above the calibrated threshold), still gets that concept's advice first;
 * and any message the rules leave without an alarm whose nearest labelled examples are clearly emergencies rather
 * than look-alikes (the calibrated margin) gets the advice of the nearest emergency's concept: an uncertain context
 * errs towards safety.
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

	private final RedFlagModel model;

	/** How many of the nearest emergencies and of the nearest others are averaged. */
	static final int NEIGHBOURS = 3;

	SafetyNet(Triage triage, Embeddings embeddings, TextAnalysis analysis, Redactor redactor,
			TriageProperties properties) {
		this.triage = triage;
		this.embeddings = embeddings;
		this.analysis = analysis;
		this.redactor = redactor;
		this.settings = properties.safetyNet();
		this.model = RedFlagModel.load(triage.conceptIds(TriageOutcome.NEEDS_CLINICIAN));
	}

	/** Whether the net can look at a message: it is switched on and the embedding model is there. */
	public boolean active() {
		return settings.enabled() && embeddings.enabled();
	}

	/**
	 * The red flag the message is close in meaning to, as a triage result with that concept's advice; CLEAR when none
	 * is close enough. Unless the learned score is under {@code score-clears-below}: the score (at {@code score-at},
	 * when the nearest examples lean to the emergencies too), then the descriptions, then the nearest examples.
	 * @param reading the patient's message and the question's vector (as retrieval computes it); no vector: nothing to
	 * compare
	 * @param rules triage's decision by its rules, which left the message without an alarm
	 */
	public TriageResult check(Reading reading, TriageResult rules) {
		float[] vector = reading.vector;
		if (vector == null || !active() || rules.urgent()) {
			return TriageResult.CLEAR;
		}
		RedFlagModel.Score score = reading.score();
		if (score != null && score.emergency() < settings.scoreClearsBelow()) {
			return TriageResult.CLEAR;
		}
		if (score != null && score.selfHarm() >= settings.selfHarmScoreAt()) {
			return triage.concept(Concept.SELF_HARM, rules.spanish(), "safety-net-score:" + Concept.SELF_HARM);
		}
		ExampleBank.Nearest nearest = exampleBank().nearest(vector, NEIGHBOURS, null);
		// the score raises a message when its nearest examples lean to the emergencies too: a message unlike every
		// example (small talk, a bare topic) is where a learned score is least sure; from score-alone-at it is sure
		if (score != null && (score.emergency() >= settings.scoreAt() && nearest.margin() > 0
				|| score.emergency() >= settings.scoreAloneAt())) {
			return triage.concept(score.concept(), rules.spanish(), "safety-net-score:" + score.concept());
		}
		if (!rules.redFlagMentioned()) {
			Closest closest = closest(vector, bankVectors());
			if (closest != null && closest.cosine() >= settings.threshold()) {
				return triage.concept(closest.concept(), rules.spanish(), "safety-net:" + closest.concept());
			}
		}
		if (nearest.margin() >= settings.marginFor(nearest.concept())) {
			return triage.concept(nearest.concept(), rules.spanish(), "safety-net-examples:" + nearest.concept());
		}
		return TriageResult.CLEAR;
	}

	/**
	 * The rules' decision, reviewed by the learned score: an alarm of the rules stands unless the message scores under
	 * {@code score-clears-below}, so much more like the look-alikes of the examples (a denial, the past, an idiom)
	 * than like any emergency that the alarm is not raised; the message is then answered as a clear one that named a
	 * red flag. A clear message, the rules' or one so reviewed, then goes to the care team when it scores for their
	 * questions ({@link #careTeam}). Any other decision is returned as it is.
	 * @param reading the message and the question's vector; no vector: the rules' decision stands
	 */
	public TriageResult review(Reading reading, TriageResult rules) {
		TriageResult reviewed = rules.urgent() ? clearedByScore(reading, rules) : rules;
		return reviewed.clear() ? careTeam(reading, reviewed) : reviewed;
	}

	private TriageResult clearedByScore(Reading reading, TriageResult rules) {
		if (reading.vector == null || !active() || settings.scoreClearsBelow() <= 0) {
			return rules;
		}
		RedFlagModel.Score score = reading.score();
		if (score == null || score.emergency() >= settings.scoreClearsBelow()) {
			return rules;
		}
		return new TriageResult(TriageOutcome.CLEAR, "cleared-by-score:" + rules.rule(), rules.spanish(), "", true);
	}

	/**
	 * A clear message, reviewed by the learned score for questions only the care team can answer: when
	 * it scores at least {@code care-team-at} for them (choosing, combining or dosing a medicine, what a result or a
	 * report means), and more than for any red flag, it goes to the care team however it is worded. Any other
	 * decision is returned as it is.
	 * @param reading the message and the question's vector; no vector: the rules' decision stands
	 */
	private TriageResult careTeam(Reading reading, TriageResult rules) {
		if (reading.vector == null || !active()) {
			return rules;
		}
		RedFlagModel.Score score = reading.score();
		if (score == null || score.careTeam() < settings.careTeamAt() || score.careTeam() <= score.emergency()) {
			return rules;
		}
		return new TriageResult(TriageOutcome.NEEDS_CLINICIAN, "care-team-score:" + score.careConcept(),
				rules.spanish(), "", rules.redFlagMentioned());
	}

	/**
	 * One message as the net reads it during a turn: the question's vector and the learned score of the message, read
	 * once for the care team's review and the net, and kept only as long as the turn keeps the reading.
	 */
	public static final class Reading {

		private final float[] vector;

		private final RedFlagModel.Score score;

		private Reading(float[] vector, RedFlagModel.Score score) {
			this.vector = vector;
			this.score = score;
		}

		/** The learned score of the message; null when no model is shipped or there is no vector. */
		RedFlagModel.Score score() {
			return score;
		}

	}

	/**
	 * A message and its question's vector, scored once for one turn's review and check.
	 * @param vector the question's vector, as retrieval computes it; null when there is none
	 */
	public Reading reading(String message, float[] vector) {
		return new Reading(vector, model == null || vector == null ? null : model.score(message, vector));
	}

	RedFlagModel model() {
		return model;
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
