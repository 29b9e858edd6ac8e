package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.frontdesk.learning.LinearModelTraining;

/** Learns a {@link RedFlagModel} from the labelled examples of {@code triage/examples/} ({@link LinearModelTraining}). */
final class RedFlagModelTraining {

	private RedFlagModelTraining() {
	}

	/** "none" first, then every concept an emergency or a question for the care team has, in alphabetical order. */
	static List<String> classes(List<ExampleBank.Example> examples) {
		List<String> classes = new ArrayList<>(List.of(RedFlagModel.NONE));
		TreeSet<String> concepts = new TreeSet<>();
		examples.stream().filter(e -> e.emergency() || e.careTeam()).forEach(e -> concepts.add(e.concept()));
		classes.addAll(concepts);
		return classes;
	}

	/** The concepts of the questions for the care team. */
	static Set<String> careTeam(List<ExampleBank.Example> examples) {
		return examples.stream().filter(ExampleBank.Example::careTeam).map(ExampleBank.Example::concept)
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
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

	static RedFlagModel fit(List<LinearModelTraining.Sample> samples, List<String> classes, Set<String> careTeam,
			LinearModelTraining.Settings settings, long fingerprint) {
		return new RedFlagModel(LinearModelTraining.fit(samples, classes, settings, fingerprint), careTeam);
	}

}
