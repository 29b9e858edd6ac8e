package com.frontdesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed admin sign-ins slow down, counted per account and per client address, each on its own: after
 * {@code freeFailures} failures in a row a key waits {@code firstDelay} before its next attempt is checked, twice as
 * long after each further failure; at {@code lockAfter} failures it is locked for {@code lockFor}, and each failure
 * after that locks it again. A successful sign-in clears the account's count (not the address's); a key with no
 * failure for {@code forgetAfter} starts again at zero.
 *
 * @param freeFailures failures in a row that cost nothing (typing errors)
 * @param firstDelay the wait after the first failure beyond the free ones; doubles with each further failure
 * @param lockAfter failures in a row that lock the key
 * @param lockFor how long a lock lasts
 * @param forgetAfter after how long without a failure a key's count starts again
 */
@ConfigurationProperties("frontdesk.admin.sign-in")
public record SignInProperties(@DefaultValue("3") int freeFailures, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("10") int lockAfter, @DefaultValue("15m") Duration lockFor,
		@DefaultValue("24h") Duration forgetAfter) {

	public SignInProperties {
		if (freeFailures < 0 || lockAfter <= freeFailures || firstDelay.isNegative() || firstDelay.isZero()
				|| lockFor.compareTo(firstDelay) < 0 || forgetAfter.compareTo(lockFor) < 0) {
			throw new IllegalArgumentException("frontdesk.admin.sign-in: free-failures must be below lock-after, "
					+ "first-delay positive, lock-for at least first-delay and forget-after at least lock-for");
		}
	}

	/** How long a key waits after this many failures in a row (zero: not at all). */
	Duration windowAfter(int failures) {
		if (failures >= lockAfter) {
			return lockFor;
		}
		if (failures <= freeFailures) {
			return Duration.ZERO;
		}
		Duration delay = firstDelay.multipliedBy(1L << Math.min(30, failures - freeFailures - 1));
		return delay.compareTo(lockFor) > 0 ? lockFor : delay;
	}

	/** Whether this many failures in a row lock the key. */
	boolean locks(int failures) {
		return failures >= lockAfter;
	}

}
