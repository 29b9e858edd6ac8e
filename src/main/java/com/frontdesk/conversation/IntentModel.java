package com.frontdesk.conversation;

import java.util.List;

import com.frontdesk.conversation.ConversationalIntents.Kind;
import com.frontdesk.learning.LinearModel;
import com.frontdesk.learning.WordFeatures;

/**
 * How likely a message is each intent, learned from the intents' examples and the labelled messages of
 * {@code conversation/intents/} (a {@link LinearModel} over the message's words and its vector). Shipped as
 * {@code conversation/intents/model.bin}, written by {@code IntentModelWriter} from the examples.
 */
final class IntentModel {

	static final String RESOURCE = IntentClassifier.FOLDER + "model.bin";

	/** The most likely intent and its probability, and the runner-up's. */
	record Guess(Kind best, double probability, Kind runnerUp, double runnerUpProbability) {
	}

	private final LinearModel model;

	private final Kind[] kinds;

	IntentModel(LinearModel model) {
		this.model = model;
		this.kinds = model.classes().stream().map(label -> Kind.valueOf(label.toUpperCase(java.util.Locale.ROOT)))
			.toArray(Kind[]::new);
	}

	/** Every intent's label, in the order of {@link Kind}: the classes a model is learned for. */
	static List<String> classes() {
		return java.util.Arrays.stream(Kind.values()).map(Kind::label).toList();
	}

	LinearModel model() {
		return model;
	}

	long fingerprint() {
		return model.fingerprint();
	}

	/** The slots of a message's features, as the model reads them. */
	static int[] features(String message) {
		return WordFeatures.of(message);
	}

	/**
	 * The fewest words a message needs for the model to guess: a word or two ("hi", "xlif", "and") carries too little
	 * for the model, and the examples' nearest and the rules read it better.
	 */
	static final int FEWEST_WORDS = 2;

	/** The intent the message most likely is; null without a vector or for fewer than {@link #FEWEST_WORDS} words. */
	Guess guess(String message, float[] vector) {
		List<String> words = WordFeatures.words(WordFeatures.normalize(message));
		if (vector == null || words.size() < FEWEST_WORDS) {
			return null;
		}
		double[] p = model.probabilities(WordFeatures.of(words), vector);
		int best = 0;
		int second = -1;
		for (int c = 1; c < p.length; c++) {
			if (p[c] > p[best]) {
				second = best;
				best = c;
			}
			else if (second < 0 || p[c] > p[second]) {
				second = c;
			}
		}
		return new Guess(kinds[best], p[best], kinds[second], p[second]);
	}

	/** The shipped model; null when there is none. */
	static IntentModel load() {
		LinearModel model = LinearModel.load(RESOURCE);
		return model == null ? null : new IntentModel(model);
	}

}
