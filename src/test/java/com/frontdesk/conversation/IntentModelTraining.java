package com.frontdesk.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.frontdesk.learning.LinearModelTraining;

/** Learns an {@link IntentModel} from the examples of an {@link IntentClassifier} ({@link LinearModelTraining}). */
final class IntentModelTraining {

	private IntentModelTraining() {
	}

	/**
	 * How the intents are learned: a lighter penalty than the red flags' and the vector twice as much as the words.
	 * Chosen leave one set out with the real patients' questions that must stay questions ({@code IntentModelBenchmark
	 * -Dintents.sweep=true}): weighting every intent alike took a few more of those for candidacy or booking.
	 */
	static final LinearModelTraining.Settings SETTINGS = new LinearModelTraining.Settings(20, 0.5, 1e-5, 2, false);

	/** The model learned from the examples a test picks, with their shipped vectors. */
	static IntentModel fit(IntentClassifier classifier, Predicate<IntentClassifier.Example> include, long fingerprint) {
		return fit(classifier, include, fingerprint, SETTINGS);
	}

	static IntentModel fit(IntentClassifier classifier, Predicate<IntentClassifier.Example> include, long fingerprint,
			LinearModelTraining.Settings settings) {
		List<String> classes = IntentModel.classes();
		List<LinearModelTraining.Sample> samples = new ArrayList<>();
		List<IntentClassifier.Example> examples = classifier.examples();
		for (int i = 0; i < examples.size(); i++) {
			IntentClassifier.Example example = examples.get(i);
			if (include.test(example) && classifier.vector(i) != null) {
				samples.add(new LinearModelTraining.Sample(IntentModel.features(example.message()),
						classifier.vector(i), classes.indexOf(example.kind().label())));
			}
		}
		return new IntentModel(LinearModelTraining.fit(samples, classes, settings, fingerprint));
	}

}
