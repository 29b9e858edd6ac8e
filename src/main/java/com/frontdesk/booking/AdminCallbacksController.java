package com.frontdesk.booking;

import static com.frontdesk.platform.Problems.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.practice.PracticeId;
import org.springframework.context.annotation.Lazy;

/**
 * The practice's callback requests in the admin API (Spring Security lets only the admin in, see
 * {@code platform/AdminSecurity}):
 * <ul>
 * <li>{@code GET /api/admin/callbacks?status=open|done|all&limit=500}: newest first, as JSON;</li>
 * <li>{@code POST /api/admin/callbacks/{id}/done}: the patient was called (again: no change);</li>
 * <li>{@code GET /api/admin/callbacks.csv?status=all}: the same as CSV for a spreadsheet ({@link CallbackCsv}).</li>
 * </ul>
 * Nothing here is cached by browsers or proxies.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class AdminCallbacksController {

	static final MediaType CSV = new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present"));

	private static final int MAX_LIMIT = 5000;

	private final CallbackRequests callbacks;

	AdminCallbacksController(CallbackRequests callbacks) {
		this.callbacks = callbacks;
	}

	@GetMapping(path = "/api/admin/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<CallbackRequest>> list(PracticeId practice, @RequestParam(defaultValue = "open") String status,
			@RequestParam(defaultValue = "500") String limit) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(callbacks.list(practice, status(status), limit(limit)));
	}

	@PostMapping(path = "/api/admin/callbacks/{id}/done", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CallbackRequest> done(PracticeId practice, @PathVariable String id) {
		if (id.length() > 36) {
			throw new CallbackNotFound();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(callbacks.markDone(practice, id).orElseThrow(CallbackNotFound::new));
	}

	@GetMapping(path = "/api/admin/callbacks.csv")
	ResponseEntity<byte[]> csv(PracticeId practice, @RequestParam(defaultValue = "all") String status,
			@RequestParam(defaultValue = "5000") String limit) {
		byte[] body = CallbackCsv.of(callbacks.list(practice, status(status), limit(limit)))
			.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("callback-requests.csv").build().toString())
			.body(body);
	}

	@ExceptionHandler(BadAdminQuery.class)
	ProblemDetail badQuery(BadAdminQuery ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", ex.getMessage());
	}

	@ExceptionHandler(CallbackNotFound.class)
	ProblemDetail notFound(CallbackNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "callback-not-found", "Callback request not found",
				"There is no callback request with this id.");
	}

	/** {@code open} and {@code done} as stored; {@code all}: null (no filter). */
	private static String status(String status) {
		String value = status.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "open", "done" -> value;
			case "all" -> null;
			default -> throw new BadAdminQuery("status must be open, done or all");
		};
	}

	private static int limit(String limit) {
		if (!limit.strip().matches("\\d{1,4}") || Integer.parseInt(limit.strip()) < 1
				|| Integer.parseInt(limit.strip()) > MAX_LIMIT) {
			throw new BadAdminQuery("limit must be a number from 1 to " + MAX_LIMIT);
		}
		return Integer.parseInt(limit.strip());
	}

	/** A query parameter the admin API does not understand. */
	static class BadAdminQuery extends RuntimeException {

		BadAdminQuery(String message) {
			super(message);
		}

	}

	/** No callback request with the id. */
	static class CallbackNotFound extends RuntimeException {

		CallbackNotFound() {
			super("No callback request with this id");
		}

	}

}
