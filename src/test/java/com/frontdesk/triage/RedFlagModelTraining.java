package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Learns a {@link RedFlagModel} from labelled examples: multinomial logistic regression, trained by stochastic
 * gradient descent with per-weight step sizes (AdaGrad) and an L2 penalty, in a fixed order, so that the same
 * examples always give the same model.
 */
final class RedFlagModelTraining {

	/** One example as the model reads it. */
	record Sample(int[] slots, float[] vector, int label) {
	}

	/**
	 * @param epochs passes over the examples
	 * @param rate AdaGrad's step size
	 * @param l2 the penalty on each weight a step touches
	 * @param denseScale how much the vector counts beside the words
	 */
	record Settings(int epochs, double rate, double l2, float denseScale) {

		static final Settings DEFAULT = new Settings(20, 0.5, 1e-4, 1.0f);

	}

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

	static List<Sample> samples(ExampleBank bank, List<String> classes, Predicate<ExampleBank.Example> include) {
		List<Sample> samples = new ArrayList<>();
		List<ExampleBank.Example> examples = bank.examples();
		for (int i = 0; i < examples.size(); i++) {
			ExampleBank.Example example = examples.get(i);
			if (include.test(example)) {
				samples.add(new Sample(MessageFeatures.of(example.message()), bank.vector(i),
						classes.indexOf(example.kind())));
			}
		}
		return samples;
	}

	static RedFlagModel fit(List<Sample> samples, List<String> classes, Settings settings, long fingerprint) {
		int count = classes.size();
		int dimensions = samples.stream().filter(s -> s.vector() != null).findFirst().orElseThrow().vector().length;
		float[][] sparse = new float[count][MessageFeatures.DIMENSIONS];
		float[][] dense = new float[count][dimensions];
		float[] bias = new float[count];
		float[][] sparseSteps = new float[count][MessageFeatures.DIMENSIONS];
		float[][] denseSteps = new float[count][dimensions];
		float[] biasSteps = new float[count];
		RedFlagModel model = new RedFlagModel(classes, sparse, dense, bias, settings.denseScale(), fingerprint);
		List<Sample> order = new ArrayList<>(samples);
		Random random = new Random(17);
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			java.util.Collections.shuffle(order, random);
			for (Sample sample : order) {
				double[] p = model.probabilities(sample.slots(), sample.vector());
				double sparseScale = 1 / Math.sqrt(Math.max(1, sample.slots().length));
				float[] unit = RedFlagModel.unit(sample.vector(), dimensions);
				for (int c = 0; c < count; c++) {
					double error = p[c] - (c == sample.label() ? 1 : 0);
					for (int slot : sample.slots()) {
						step(sparse[c], sparseSteps[c], slot, error * sparseScale, settings);
					}
					if (unit != null) {
						for (int i = 0; i < dimensions; i++) {
							step(dense[c], denseSteps[c], i, error * unit[i] * settings.denseScale(), settings);
						}
					}
					double g = error;
					biasSteps[c] += (float) (g * g);
					bias[c] -= (float) (settings.rate() * g / Math.sqrt(biasSteps[c] + 1e-8));
				}
			}
		}
		return model;
	}

	private static void step(float[] weights, float[] steps, int i, double gradient, Settings settings) {
		double g = gradient + settings.l2() * weights[i];
		steps[i] += (float) (g * g);
		weights[i] -= (float) (settings.rate() * g / Math.sqrt(steps[i] + 1e-8));
	}

}
