package com.frontdesk.channels.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * A platform's send API did not accept a message. Retryable failures (429, 5xx, network) are tried again with
 * backoff; the others are final. The summary never contains the message or the recipient.
 */
public class SendFailed extends RuntimeException {

	private final boolean retryable;

	private final Duration retryAfter;

	public SendFailed(String summary, boolean retryable, Duration retryAfter) {
		super(summary);
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/** The failure an HTTP status means: 429 and 5xx are retryable. */
	public static SendFailed forStatus(int status, Duration retryAfter) {
		return new SendFailed("HTTP " + status, status == 429 || status >= 500, retryAfter);
	}

	public boolean retryable() {
		return retryable;
	}

	/** How long the platform asked to wait, if it said. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

}
