package com.frontdesk.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the practice's notices about callback requests stand, for the admin's list: answered by the module that
 * delivers them (it hears of each request through {@link CallbackRequested}), so booking neither reads its tables nor
 * depends on it.
 */
public interface CallbackDeliveries {

	/** Each target's delivery of the notice about each of these requests, by request id (none: no target was set). */
	Map<String, List<Delivery>> of(Collection<String> callbackIds);

	/**
	 * How the notice about one request stands over all its targets: {@code delivered} (every target has it),
	 * {@code pending} (waiting or being retried), {@code failing} (a target failed repeatedly; still retried) or
	 * {@code not_configured} (no target was set when it came in).
	 */
	static String summary(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return "not_configured";
		}
		if (deliveries.stream().anyMatch(d -> Delivery.FAILING.equals(d.status()))) {
			return Delivery.FAILING;
		}
		return deliveries.stream().allMatch(d -> Delivery.DELIVERED.equals(d.status())) ? Delivery.DELIVERED
				: Delivery.PENDING;
	}

	/**
	 * One target's delivery of a notice.
	 *
	 * @param target {@code webhook} or {@code email}
	 * @param status {@link #DELIVERED}, {@link #PENDING} or {@link #FAILING}
	 * @param attempts failed attempts so far
	 * @param lastError why the last attempt failed, without patient data, or null
	 * @param deliveredAt when it was delivered, or null
	 * @param nextAttemptAt when it is tried again; null once delivered
	 */
	record Delivery(String target, String status, int attempts, String lastError, Instant deliveredAt,
			Instant nextAttemptAt) {

		public static final String DELIVERED = "delivered";

		public static final String PENDING = "pending";

		public static final String FAILING = "failing";

		public Delivery {
			nextAttemptAt = DELIVERED.equals(status) ? null : nextAttemptAt;
		}

	}

}
