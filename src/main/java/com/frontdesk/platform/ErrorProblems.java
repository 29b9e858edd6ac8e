package com.frontdesk.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The generic problem for an HTTP error status, for the error paths where nothing more specific is known. */
final class ErrorProblems {

	private ErrorProblems() {
	}

	static ProblemDetail of(int status) {
		HttpStatus resolved = HttpStatus.resolve(status);
		HttpStatus known = resolved == null || !resolved.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
		return Problems.problem(known, slug(known), known.getReasonPhrase(), detail(known));
	}

	private static String slug(HttpStatus status) {
		return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be understood: check its address, headers and body.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case URI_TOO_LONG -> "The address is too long.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
			case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
			case SERVICE_UNAVAILABLE -> "The service is not available right now. Please try again shortly.";
			default -> status.is5xxServerError()
					? "Something went wrong on our side. Please try again, or call the practice."
					: "The request was refused (" + status.value() + ").";
		};
	}

}
