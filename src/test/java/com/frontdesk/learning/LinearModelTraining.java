package com.frontdesk.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Learns a {@link LinearModel} from labelled messages: multinomial logistic regression, trained by stochastic
 * gradient descent with per-weight step sizes (AdaGrad) and an L2 penalty, in a fixed order, so that the same
 * examples always give the same model.
 */
public final class LinearModelTraining {

	/** One example as the model reads it: its {@link WordFeatures}, its vector, the index of its class. */
	public record Sample(int[] slots, float[] vector, int label) {
	}

	/**
	 * @param epochs passes over the examples
	 * @param rate AdaGrad's step size
	 * @param l2 the penalty on each weight a step touches
	 * @param denseScale how much the vector counts beside the words
	 * @param balanced each class counts as much as every other, however many examples it has (each example's step
	 * weighted by the inverse of its class's share); otherwise each example counts once
	 */
	public record Settings(int epochs, double rate, double l2, float denseScale, boolean balanced) {

		public static final Settings DEFAULT = new Settings(20, 0.5, 1e-4, 1.0f, false);

		public Settings(int epochs, double rate, double l2, float denseScale) {
			this(epochs, rate, l2, denseScale, false);
		}

	}

	private LinearModelTraining() {
	}

	public static LinearModel fit(List<Sample> samples, List<String> classes, Settings settings, long fingerprint) {
		int count = classes.size();
		int dimensions = samples.stream().filter(s -> s.vector() != null).findFirst().orElseThrow().vector().length;
		float[] sparse = new float[count * WordFeatures.DIMENSIONS];
		float[][] dense = new float[count][dimensions];
		float[] bias = new float[count];
		float[] sparseSteps = new float[count * WordFeatures.DIMENSIONS];
		float[][] denseSteps = new float[count][dimensions];
		float[] biasSteps = new float[count];
		LinearModel model = new LinearModel(classes, sparse, dense, bias, settings.denseScale(), fingerprint);
		double[] weights = new double[count];
		java.util.Arrays.fill(weights, 1);
		if (settings.balanced()) {
			int[] perClass = new int[count];
			samples.forEach(sample -> perClass[sample.label()]++);
			for (int c = 0; c < count; c++) {
				weights[c] = perClass[c] == 0 ? 0 : (double) samples.size() / (count * perClass[c]);
			}
		}
		List<Sample> order = new ArrayList<>(samples);
		Random random = new Random(17);
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			java.util.Collections.shuffle(order, random);
			for (Sample sample : order) {
				double[] p = model.probabilities(sample.slots(), sample.vector());
				double sparseScale = 1 / Math.sqrt(Math.max(1, sample.slots().length));
				float[] unit = LinearModel.unit(sample.vector(), dimensions);
				for (int c = 0; c < count; c++) {
					double error = (p[c] - (c == sample.label() ? 1 : 0)) * weights[sample.label()];
					for (int slot : sample.slots()) {
						step(sparse, sparseSteps, slot * count + c, error * sparseScale, settings);
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
