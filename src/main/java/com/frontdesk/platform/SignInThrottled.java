package com.frontdesk.platform;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * An admin sign-in refused without checking its password: the account, or the client address, is in the wait that
 * follows failed sign-ins, or locked ({@link SignInGuard}). Answered 429 with {@code Retry-After}.
 */
final class SignInThrottled extends AuthenticationException {

	private final Duration retryAfter;

	private final Instant until;

	private final boolean locked;

	SignInThrottled(Duration retryAfter, Instant until, boolean locked) {
		super(locked ? "Locked after repeated failed sign-ins" : "Waiting after failed sign-ins");
		this.retryAfter = retryAfter;
		this.until = until;
		this.locked = locked;
	}

	/** Whole seconds to wait, at least one. */
	long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	Instant until() {
		return until;
	}

	boolean locked() {
		return locked;
	}

}
