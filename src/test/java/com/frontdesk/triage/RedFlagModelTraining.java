package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.frontdesk.learning.LinearModelTraining;

/** Learns a {@link RedFlagModel} from the labelled examples of {@code triage/examples/} ({@link LinearModelTraining}). */
final class RedFlagModelTraining {

	private RedFlagModelTraining() {
	}

	/** "none" first, then every concept an emergency example has, in alphabetical order. */
	static List<String> classes(List<ExampleBank.Example> examples) {
		List<String> classes = new ArrayList<>(List.of(RedFlagModel.NONE));
		TreeSet<String> concepts = new TreeSet<>();
		examples.stream().filter(ExampleBank.Example::emergency).forEach(e -> concepts.add(e.concept()));
		classes.addAll(concepts);
		return classes;
	}

	static List<LinearModelTraining.Sample> samples(ExampleBank bank, List<String> classes,
			Predicate<ExampleBank.Example> include) {
		List<LinearModelTraining.Sample> samples = new ArrayList<>();
		List<ExampleBank.Example> examples = bank.examples();
		for (int i = 0; i < examples.size(); i++) {
			ExampleBank.Example example = examples.get(i);
			if (include.test(example)) {
				samples.add(new LinearModelTraining.Sample(RedFlagModel.features(example.message()), bank.vector(i),
						classes.indexOf(example.kind())));
			}
		}
		return samples;
	}

	static RedFlagModel fit(List<LinearModelTraining.Sample> samples, List<String> classes,
			LinearModelTraining.Settings settings, long fingerprint) {
		return new RedFlagModel(LinearModelTraining.fit(samples, classes, settings, fingerprint));
	}

}
