package com.frontdesk.retrieval;

import java.util.Arrays;

/** The {@code k} largest cosines seen, for scoring a vector by the mean of its nearest labelled examples. */
public final class NearestCosines {

	private final double[] top;

	/** @param k how many of the largest cosines are kept (at least one) */
	public NearestCosines(int k) {
		this.top = new double[Math.max(1, k)];
		Arrays.fill(top, -1);
	}

	/** Keeps the cosine if it is among the k largest so far. */
	public void add(double cosine) {
		if (cosine <= top[top.length - 1]) {
			return;
		}
		int i = top.length - 1;
		while (i > 0 && top[i - 1] < cosine) {
			top[i] = top[i - 1];
			i--;
		}
		top[i] = cosine;
	}

	/** The mean of the k largest cosines; a place no cosine filled counts as -1. */
	public double mean() {
		return Arrays.stream(top).average().orElse(-1);
	}

}
