package com.frontdesk.platform;

import java.net.URI;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.frontdesk.platform.logging.StackTraces;

import com.frontdesk.practice.InvalidPracticeId;
import com.frontdesk.practice.UnknownPractice;

/**
 * The last line at the web edge: Spring MVC's own errors (unreadable JSON, wrong method or media type, unknown
 * path) become RFC 9457 problems, and anything unexpected becomes a 500 problem that tells nothing of the
 * internals. The log line names the exception type and the path, with the stack but without any exception message
 * (which might quote the request's content).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(UnexpectedProblems.class);

	/** Seconds a client is asked to wait when the database is briefly unreachable (a restart, a fail-over). */
	static final int DATABASE_RETRY_AFTER_SECONDS = 5;

	/**
	 * The database is unreachable for a moment (restart, fail-over, pool exhausted): nothing was stored, so the
	 * patient may simply send the message again. A 503 with {@code Retry-After}, not a 500.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, WebRequest request) {
		log.warn("Database unavailable ({}) on {}", ex.getClass().getSimpleName(), request.getDescription(false));
		ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable",
				"Temporarily unavailable", "We could not save your message just now. Please send it again in a few "
						+ "seconds, or call the practice.");
		problem.setProperty("retryAfter", DATABASE_RETRY_AFTER_SECONDS);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(DATABASE_RETRY_AFTER_SECONDS))
			.body(problem);
	}

	/**
	 * What the request asked for could not be stored and nothing of it was kept ({@link RequestNotKept}): a 503 with
	 * {@code Retry-After}, so the patient sends it again, not a 500. The log names what failed and the exception
	 * classes, never a message of the cause.
	 */
	@ExceptionHandler(RequestNotKept.class)
	ResponseEntity<ProblemDetail> notKept(RequestNotKept ex, WebRequest request) {
		log.warn("{} on {}: nothing of the request was kept", ex.getMessage(), request.getDescription(false),
				StackTraces.withoutMessages(ex.getCause()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(RequestNotKept.RETRY_AFTER_SECONDS))
			.body(ex.problem());
	}

	/** Tomcat could not decode the query string or form parameters (bad percent-encoding, too many): the client's fault. */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail unreadableParameters(InvalidParameterException ex) {
		return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameters", "Invalid parameters",
				"The request's parameters could not be read: check their encoding.");
	}

	/** A request named a practice this deployment does not serve (or, for staff, not their own): not found. */
	@ExceptionHandler(UnknownPractice.class)
	ProblemDetail unknownPractice(UnknownPractice ex) {
		return Problems.problem(HttpStatus.NOT_FOUND, "practice-not-found", "Practice not found",
				"There is no such practice here.");
	}

	@ExceptionHandler(InvalidPracticeId.class)
	ProblemDetail invalidPractice(InvalidPracticeId ex) {
		return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-practice", "Invalid practice", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected {} on {}", ex.getClass().getName(), request.getDescription(false),
				StackTraces.withoutMessages(ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Please try again, or call the practice.");
		problem.setType(URI.create("urn:frontdesk:problem:internal-error"));
		problem.setTitle("Internal error");
		return problem;
	}

}
