package com.frontdesk.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a request asked for could not be stored, so nothing of it was kept (its transaction rolled back with it), for
 * a reason that may pass, such as a write the database refused or could not take: the patient may send it again. The
 * web edge answers a 503 problem with {@code Retry-After} ({@link UnexpectedProblems}); a streamed reply ends with an
 * {@code error} event holding the same problem. The message says what failed and is logged; it never holds what the
 * patient sent, and the cause's messages (which may quote it) are never logged or answered.
 */
public abstract class RequestNotKept extends RuntimeException {

	/** Seconds the patient is asked to wait before sending the request again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private final String detail;

	/**
	 * @param message what failed, for the log (no patient data)
	 * @param detail what the patient is told, for the problem
	 */
	protected RequestNotKept(String message, String detail, Throwable cause) {
		super(message, cause);
		this.detail = detail;
	}

	/** The 503 problem that asks the patient to send the request again in a few seconds. */
	public ProblemDetail problem() {
		ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "request-not-kept",
				"Temporarily unavailable", detail);
		problem.setProperty("retryAfter", RETRY_AFTER_SECONDS);
		return problem;
	}

}
