package com.frontdesk.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.practice.PracticeId;

/**
 * {@code GET /api/admin/audit}: the practice's audit log, newest first and paged: who opened which transcript, who
 * exported the callback requests, who deleted a conversation, who re-indexed the knowledge. Reading it is recorded
 * too.
 */
@RestController
class AuditController {

	static final int MAX_PAGE_SIZE = 200;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/admin/audit")
	AuditPage audit(PracticeId practice, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || page > 1_000_000 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST,
					"invalid-request", "Invalid request",
					"\"page\" must be 0 or more and \"size\" between 1 and " + MAX_PAGE_SIZE), null);
		}
		return new AuditPage(audit.page(practice, page, size), page, size, audit.count(practice));
	}

	/** One page of the audit log and how many entries it holds in all. */
	record AuditPage(List<AuditLog.Entry> entries, int page, int size, long total) {
	}

}
