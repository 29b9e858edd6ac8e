package com.frontdesk.answering.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code failures} failures in a row every call is refused for
 * {@code openFor}; then one trial call decides whether the model is back.
 */
final class CircuitBreaker {

	enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final int threshold;

	private final Duration openFor;

	private final Clock clock;

	private State state = State.CLOSED;

	private int failures;

	private Instant openUntil = Instant.MIN;

	private boolean trialInFlight;

	CircuitBreaker(int threshold, Duration openFor, Clock clock) {
		this.threshold = Math.max(1, threshold);
		this.openFor = openFor;
		this.clock = clock;
	}

	/** Whether a call may go to the model now; after the open period only one trial call, until its result is known. */
	synchronized boolean allow() {
		if (state == State.OPEN) {
			if (clock.instant().isBefore(openUntil)) {
				return false;
			}
			state = State.HALF_OPEN;
		}
		if (state == State.HALF_OPEN) {
			if (trialInFlight) {
				return false;
			}
			trialInFlight = true;
		}
		return true;
	}

	synchronized void success() {
		state = State.CLOSED;
		failures = 0;
		trialInFlight = false;
	}

	synchronized void failure() {
		trialInFlight = false;
		failures++;
		if (state == State.HALF_OPEN || failures >= threshold) {
			state = State.OPEN;
			openUntil = clock.instant().plus(openFor);
		}
	}

	synchronized State state() {
		return state == State.OPEN && !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : state;
	}

}
