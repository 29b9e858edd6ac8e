package com.frontdesk.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each further practice's own retention ({@code frontdesk.practices[n].retention.conversations} and
 * {@code .callback-requests}); a period it does not set is the deployment's ({@code frontdesk.retention.*}).
 *
 * @param practices the further practices, in the order of {@code frontdesk.practices}
 */
@ConfigurationProperties("frontdesk")
public record PracticeRetentionProperties(List<Entry> practices) {

	public PracticeRetentionProperties {
		practices = practices == null ? List.of() : List.copyOf(practices);
		for (int n = 0; n < practices.size(); n++) {
			Periods periods = practices.get(n).retention();
			if (notPositive(periods.conversations()) || notPositive(periods.callbackRequests())) {
				throw new IllegalArgumentException("frontdesk.practices[" + n + "].retention.* periods must be positive");
			}
		}
	}

	private static boolean notPositive(Duration period) {
		return period != null && (period.isNegative() || period.isZero());
	}

	/**
	 * @param id the practice's id
	 * @param retention its own periods
	 */
	public record Entry(String id, @DefaultValue Periods retention) {

		@Override
		public String toString() {
			return "PracticeRetention[" + id + "]";
		}

	}

	/**
	 * @param conversations how long its conversations are kept after their last message; none: the deployment's
	 * @param callbackRequests how long its callback requests are kept; none: the deployment's
	 */
	public record Periods(Duration conversations, Duration callbackRequests) {
	}

}
