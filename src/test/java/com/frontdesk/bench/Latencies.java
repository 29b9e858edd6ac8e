package com.frontdesk.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw latency samples in nanoseconds, summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

	private long[] samples = new long[1 << 14];

	private int size;

	void add(long nanos) {
		if (size == samples.length) {
			samples = Arrays.copyOf(samples, size * 2);
		}
		samples[size++] = nanos;
	}

	void addAll(Latencies other) {
		for (int i = 0; i < other.size; i++) {
			add(other.samples[i]);
		}
	}

	int count() {
		return size;
	}

	Summary summary() {
		long[] sorted = Arrays.copyOf(samples, size);
		Arrays.sort(sorted);
		long total = 0;
		for (long sample : sorted) {
			total += sample;
		}
		return new Summary(size, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
				ms(percentile(sorted, 99.9)), size == 0 ? 0 : ms(sorted[size - 1]), size == 0 ? 0 : ms(total / size));
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	private static double ms(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

	/** Latency percentiles in milliseconds (rounded to the microsecond). */
	record Summary(int count, double p50, double p90, double p99, double p999, double max, double mean) {

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("count", count);
			map.put("p50_ms", p50);
			map.put("p90_ms", p90);
			map.put("p99_ms", p99);
			map.put("p99_9_ms", p999);
			map.put("max_ms", max);
			map.put("mean_ms", mean);
			return map;
		}

		String line() {
			return String.format("n=%-6d p50 %8.3f  p90 %8.3f  p99 %8.3f  p99.9 %8.3f  max %8.3f  mean %8.3f ms",
					count, p50, p90, p99, p999, max, mean);
		}

	}

}
