package com.frontdesk.triage;

import java.util.List;

import com.frontdesk.learning.LinearModel;
import com.frontdesk.learning.WordFeatures;

/**
 * A calibrated score of how likely a message is each red flag, learned from the labelled examples of
 * {@code triage/examples/} (a {@link LinearModel} over the message's words and the vector retrieval computes for it).
 * Class 0 is "none": everything that is not an emergency, the look-alikes and the questions for the care team.
 * Shipped as {@code triage/examples/model.bin}, written by {@code RedFlagModelWriter} from the examples.
 */
final class RedFlagModel {

	static final String RESOURCE = ExampleBank.FOLDER + "model.bin";

	static final String NONE = "none";

	/** The fewest words a message needs to be scored: the examples are sentences, and a word or two is the rules'. */
	static final int FEWEST_WORDS = 3;

	/** The chance that a message is a red flag (any but "none"), and the most likely red flag. */
	record Score(double emergency, String concept) {
	}

	private final LinearModel model;

	RedFlagModel(LinearModel model) {
		this.model = model;
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
		int best = 1;
		for (int c = 2; c < p.length; c++) {
			if (p[c] > p[best]) {
				best = c;
			}
		}
		return new Score(1 - p[0], classes().get(best));
	}

	/** The shipped score; null when there is none. */
	static RedFlagModel load() {
		LinearModel model = LinearModel.load(RESOURCE);
		return model == null ? null : new RedFlagModel(model);
	}

}
