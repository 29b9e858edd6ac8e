package com.frontdesk.triage;

import java.util.List;
import java.util.Set;

import com.frontdesk.learning.LinearModel;
import com.frontdesk.learning.WordFeatures;

/**
 * A calibrated score of how likely a message is each red flag, learned from the labelled examples of
 * {@code triage/examples/} (a {@link LinearModel} over the message's words and the vector retrieval computes for it).
 * Class 0 is "none": everything that is neither an emergency nor a question for the care team (the look-alikes,
 * ordinary chat); the others are the red flags and the care team's concepts (choosing or dosing a medicine, what a
 * result means). Shipped as {@code triage/examples/model.bin}, written by {@code RedFlagModelWriter} from the examples.
 */
final class RedFlagModel {

	static final String RESOURCE = ExampleBank.FOLDER + "model.bin";

	static final String NONE = "none";

	/** The fewest words a message needs to be scored: the examples are sentences, and a word or two is the rules'. */
	static final int FEWEST_WORDS = 3;

	/**
	 * The chance that a message is a red flag and the most likely red flag; the chance that it is a question only the
	 * care team can answer and the most likely of those concepts; the chance that it tells thoughts of self-harm.
	 */
	record Score(double emergency, String concept, double careTeam, String careConcept, double selfHarm) {

		Score(double emergency, String concept) {
			this(emergency, concept, 0, NONE, 0);
		}

	}

	private final LinearModel model;

	private final boolean[] careTeam;

	private final int selfHarmClass;

	/**
	 * @param careTeamConcepts the classes that are questions for the care team rather than red flags
	 */
	RedFlagModel(LinearModel model, Set<String> careTeamConcepts) {
		this.model = model;
		this.careTeam = new boolean[model.classes().size()];
		this.selfHarmClass = model.classes().indexOf(Concept.SELF_HARM);
		for (int c = 1; c < careTeam.length; c++) {
			careTeam[c] = careTeamConcepts.contains(model.classes().get(c));
		}
	}

	LinearModel model() {
		return model;
	}

	List<String> classes() {
		return model.classes();
	}

	long fingerprint() {
		return model.fingerprint();
	}

	/** The slots of a message's features, as the score reads them. */
	static int[] features(String message) {
		return WordFeatures.of(WordFeatures.words(Triage.normalize(message)));
	}

	/** The score of a message; null for a message of fewer than {@link #FEWEST_WORDS} words, left to the rules. */
	Score score(String message, float[] vector) {
		List<String> words = WordFeatures.words(Triage.normalize(message));
		return words.size() < FEWEST_WORDS ? null : score(WordFeatures.of(words), vector);
	}

	Score score(int[] slots, float[] vector) {
		double[] p = model.probabilities(slots, vector);
		int best = -1;
		int bestCare = -1;
		double emergency = 0;
		double care = 0;
		for (int c = 1; c < p.length; c++) {
			if (careTeam[c]) {
				care += p[c];
				bestCare = bestCare < 0 || p[c] > p[bestCare] ? c : bestCare;
			}
			else {
				emergency += p[c];
				best = best < 0 || p[c] > p[best] ? c : best;
			}
		}
		return new Score(emergency, best < 0 ? NONE : classes().get(best), care,
				bestCare < 0 ? NONE : classes().get(bestCare), selfHarmClass < 0 ? 0 : p[selfHarmClass]);
	}

	/**
	 * The shipped score; null when there is none.
	 * @param careTeamConcepts the concepts whose outcome is a question for the care team
	 */
	static RedFlagModel load(Set<String> careTeamConcepts) {
		LinearModel model = LinearModel.load(RESOURCE);
		return model == null ? null : new RedFlagModel(model, careTeamConcepts);
	}

}
