package com.frontdesk.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, in bounded memory: each stripe keeps at most its share of {@code maxKeys} buckets and
 * forgets the least recently used first. A forgotten key starts again with a full allowance, which is what it would
 * have had by then in all but a flood.
 */
final class RateLimiter {

	private static final int STRIPES = 16;

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final LongSupplier nanoTime;

	RateLimiter(int maxKeys, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		int perStripe = Math.max(1, maxKeys / STRIPES);
		for (int i = 0; i < STRIPES; i++) {
			stripes[i] = new Stripe(perStripe);
		}
	}

	/**
	 * Takes one request from the key's allowance.
	 * @return empty when the request may go on; otherwise how long until it would be allowed
	 */
	Optional<Duration> acquire(String key, Rate rate) {
		if (rate.off()) {
			return Optional.empty();
		}
		Stripe stripe = stripes[Math.floorMod(key.hashCode(), STRIPES)];
		synchronized (stripe) {
			Bucket bucket = stripe.computeIfAbsent(key, k -> new Bucket(rate.requests(), nanoTime.getAsLong()));
			return bucket.take(rate, nanoTime.getAsLong());
		}
	}

	/** How many keys are tracked now. */
	int size() {
		int size = 0;
		for (Stripe stripe : stripes) {
			synchronized (stripe) {
				size += stripe.size();
			}
		}
		return size;
	}

	private static final class Stripe extends LinkedHashMap<String, Bucket> {

		private final int capacity;

		Stripe(int capacity) {
			super(16, 0.75f, true);
			this.capacity = capacity;
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > capacity;
		}

	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		Optional<Duration> take(Rate rate, long now) {
			double perNano = rate.requests() / (double) rate.per().toNanos();
			tokens = Math.min(rate.requests(), tokens + Math.max(0, now - updated) * perNano);
			updated = now;
			if (tokens >= 1) {
				tokens -= 1;
				return Optional.empty();
			}
			return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
		}

	}

}
