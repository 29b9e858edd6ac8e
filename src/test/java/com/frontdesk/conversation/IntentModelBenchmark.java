package com.frontdesk.conversation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.frontdesk.conversation.ConversationalIntents.Kind;

/**
 * The learned intents, each labelled set of {@code conversation/intents/labelled/} scored by a model learned without
 * it and with the set left out of the nearest examples too (leave one set out): how many messages get their intent
 * right by the nearest examples and the rules (without the model), by the model alone, and by the whole decision at
 * each {@code model-at}. Run with {@code ./mvnw -q -B -o test -Dtest=IntentModelBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class IntentModelBenchmark {

	static final double[] MODEL_AT = { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

	@Autowired
	IntentClassifier classifier;

	/** Other settings of the training, each scored leave one set out (model alone, and the decision at 0.7). */
	@Test
	void sweep() {
		if (!Boolean.getBoolean("intents.sweep")) {
			return;
		}
		for (boolean balanced : new boolean[] { false, true }) {
		for (double l2 : new double[] { 1e-5, 1e-4 }) {
			for (float dense : new float[] { 1, 2, 4 }) {
				var settings = new com.frontdesk.learning.LinearModelTraining.Settings(20, 0.5, l2, dense, balanced);
				StringBuilder line = new StringBuilder(String.format("== sweep %s l2 %.0e dense %.1f:",
						balanced ? "balanced" : "as many", l2, dense));
				for (String set : IntentClassifier.LABELLED) {
					IntentModel model = IntentModelTraining.fit(classifier, example -> !example.set().equals(set), 0, settings);
					List<IntentClassifier.Example> messages = classifier.examples().stream()
						.filter(example -> example.set().equals(set))
						.toList();
					long alone = messages.stream().filter(e -> model.guess(e.message(), vector(e)).best() == e.kind()).count();
					long decided = messages.stream()
						.filter(e -> classifier.classify(e.message(), model, x -> x.set().equals(set), 0.7) == e.kind())
						.count();
					line.append(String.format(" %s %d/%d/%d", set, alone, decided, messages.size()));
				}
				IntentModel all = IntentModelTraining.fit(classifier, example -> true, 0, settings);
				line.append(String.format(" k-qa not questions %d/%d", unseenKqaNotQuestions(all), unseenKqa().size()));
				System.out.println(line);
			}
		}
		}
	}

	/** Every second K-QA question, the half that is not among the examples: real patients' health questions. */
	private List<String> unseenKqa() {
		java.util.Set<String> examples = new java.util.HashSet<>();
		classifier.examples().stream().filter(e -> e.set().equals("k-qa")).forEach(e -> examples.add(e.message()));
		try {
			return com.frontdesk.bench.KqaQuestions.all().stream().map(String::strip).filter(q -> !examples.contains(q)).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** How many of the unseen K-QA questions the decision with this model takes for anything but a question. */
	private long unseenKqaNotQuestions(IntentModel model) {
		return unseenKqa().stream()
			.filter(q -> classifier.classify(q, model, e -> false, 0.4) != Kind.QUESTION)
			.count();
	}

	@Test
	void leaveOneSetOut() {
		int[] totals = new int[3 + MODEL_AT.length];
		for (String set : IntentClassifier.LABELLED) {
			List<IntentClassifier.Example> messages = classifier.examples().stream()
				.filter(example -> example.set().equals(set))
				.toList();
			IntentModel model = IntentModelTraining.fit(classifier, example -> !example.set().equals(set), 0);
			int[] right = new int[totals.length];
			Map<String, int[]> byIntent = new TreeMap<>();
			for (IntentClassifier.Example example : messages) {
				Kind label = example.kind();
				right[0]++;
				if (Boolean.getBoolean("intents.details")) {
					Kind decided = classifier.classify(example.message(), model, e -> e.set().equals(set), 0.7);
					IntentModel.Guess g = model.guess(example.message(), vector(example));
					if (decided != label && g != null) {
						System.out.printf("    WRONG %s %s -> %s (model %s %.2f, %s %.2f): %s%n", set, label.label(), decided.label(),
								g.best().label(), g.probability(), g.runnerUp().label(), g.runnerUpProbability(), example.message());
					}
				}
				right[1] += classifier.classify(example.message(), null, e -> e.set().equals(set), 2) == label ? 1 : 0;
				IntentModel.Guess guess = model.guess(example.message(), vector(example));
				right[2] += guess != null && guess.best() == label ? 1 : 0;
				for (int i = 0; i < MODEL_AT.length; i++) {
					boolean ok = classifier.classify(example.message(), model, e -> e.set().equals(set), MODEL_AT[i]) == label;
					right[3 + i] += ok ? 1 : 0;
					if (MODEL_AT[i] == 0.5) {
						int[] counts = byIntent.computeIfAbsent(label.label(), k -> new int[2]);
						counts[0]++;
						counts[1] += ok ? 1 : 0;
					}
				}
			}
			print(set, right);
			byIntent.forEach((intent, c) -> System.out.printf("    %-14s %3d / %3d%n", intent, c[1], c[0]));
			for (int i = 0; i < totals.length; i++) {
				totals[i] += right[i];
			}
		}
		print("all", totals);
		IntentModel all = IntentModelTraining.fit(classifier, e -> true, 0);
		for (double at : MODEL_AT) {
			long wrong = unseenKqa().stream()
				.filter(q -> classifier.classify(q, all, e -> false, at) != Kind.QUESTION)
				.count();
			System.out.printf("== k-qa, the half not among the examples, at %.1f: %d of %d not taken for questions%n", at, wrong,
					unseenKqa().size());
		}
	}

	private float[] vector(IntentClassifier.Example example) {
		return classifier.vector(classifier.examples().indexOf(example));
	}

	private static void print(String set, int[] right) {
		StringBuilder line = new StringBuilder(String.format("== %-7s %4d messages: examples and rules %5.1f %%, model alone %5.1f %%;",
				set, right[0], 100.0 * right[1] / right[0], 100.0 * right[2] / right[0]));
		for (int i = 0; i < MODEL_AT.length; i++) {
			line.append(String.format(" at %.1f %5.1f %%", MODEL_AT[i], 100.0 * right[3 + i] / right[0]));
		}
		System.out.println(line);
	}

}
