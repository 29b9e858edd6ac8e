package com.frontdesk.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known of one sign-in key (an account or a client address): its failures in a row, when the last one was,
 * until when it must wait ({@code blockedUntil}, null when it need not) and when it was last locked.
 */
record SignInState(String key, int failures, Instant lastFailureAt, Instant blockedUntil, Instant lockedAt) {

	static SignInState clean(String key) {
		return new SignInState(key, 0, null, null, null);
	}

	boolean blockedAt(Instant now) {
		return blockedUntil != null && blockedUntil.isAfter(now);
	}

	/** How long until the key may try again. */
	Duration remaining(Instant now) {
		return blockedAt(now) ? Duration.between(now, blockedUntil) : Duration.ZERO;
	}

	/** Whether this state's window is a lock that began at {@code now}. */
	boolean lockBeganAt(Instant now) {
		return lockedAt != null && lockedAt.equals(now);
	}

}
