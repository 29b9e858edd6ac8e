package com.frontdesk.channels.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.ConsentWordingChanged;
import com.frontdesk.booking.FieldProblem;
import com.frontdesk.booking.IdempotencyKeyReused;
import com.frontdesk.booking.InvalidCallbackRequest;
import com.frontdesk.platform.Problems;

/**
 * Callback requests that cannot be stored, as RFC 9457 problems: 400 with {@code errors}
 * ({@code [{"field", "pointer", "detail"}]}, the values sent are never repeated), 409 when the consent wording
 * changed since the form was shown (with the current wording), 422 for an {@code Idempotency-Key} reused for
 * another request.
 */
@RestControllerAdvice
class CallbackProblems {

	private final CallbackRequests callbacks;

	CallbackProblems(CallbackRequests callbacks) {
		this.callbacks = callbacks;
	}

	@ExceptionHandler(InvalidCallbackRequest.class)
	ProblemDetail invalid(InvalidCallbackRequest ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler(InvalidCallbackForm.class)
	ProblemDetail invalid(InvalidCallbackForm ex) {
		return invalid(ex.problems());
	}

	@ExceptionHandler(ConsentWordingChanged.class)
	ProblemDetail consentChanged(ConsentWordingChanged ex) {
		ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "consent-changed", "Consent wording changed",
				"The wording of the consent has changed. Please read it again and confirm.");
		problem.setProperty("consentText", ex.current().text());
		problem.setProperty("consentVersion", ex.current().version());
		return problem;
	}

	@ExceptionHandler(IdempotencyKeyReused.class)
	ProblemDetail keyReused(IdempotencyKeyReused ex) {
		return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"Idempotency-Key reused", "This Idempotency-Key was already used for a different callback request.");
	}

	private static ProblemDetail invalid(List<FieldProblem> problems) {
		ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-callback-request",
				"Invalid callback request",
				problems.size() == 1 ? problems.get(0).detail() : "Some fields need attention.");
		problem.setProperty("errors", problems.stream().map(CallbackProblems::error).toList());
		return problem;
	}

	private static FieldError error(FieldProblem problem) {
		String field = problem.field();
		if (field.isEmpty()) {
			return new FieldError(null, null, null, problem.detail());
		}
		if (field.equals(CallbackController.IDEMPOTENCY_KEY)) {
			return new FieldError(field, null, field, problem.detail());
		}
		return new FieldError(field, "#/" + field, null, problem.detail());
	}

	/**
	 * One entry of a problem's {@code errors}.
	 *
	 * @param field the field's name (or the header's)
	 * @param pointer a JSON pointer to the field in the body (RFC 6901, as a URI fragment)
	 * @param header the request header at fault
	 * @param detail what to do about it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FieldError(String field, String pointer, String header, String detail) {
	}

}
