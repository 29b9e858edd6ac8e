package com.frontdesk.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.retrieval.IndexStatus;
import com.frontdesk.retrieval.KnowledgeIndex;

/**
 * The admin API for the knowledge index: {@code GET /api/admin/knowledge} shows what is indexed and which files
 * were skipped; {@code POST /api/admin/knowledge/reindex} re-reads the knowledge folder now. Requests need
 * {@code Authorization: Bearer <frontdesk.admin.token>}.
 */
@RestController
class AdminController {

	private final KnowledgeIndex index;

	private final AdminProperties properties;

	AdminController(KnowledgeIndex index, AdminProperties properties) {
		this.index = index;
		this.properties = properties;
	}

	@GetMapping("/api/admin/knowledge")
	ResponseEntity<?> status(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ResponseEntity<ProblemDetail> denied = deny(authorization);
		return denied != null ? denied : ResponseEntity.ok(index.status());
	}

	@PostMapping("/api/admin/knowledge/reindex")
	ResponseEntity<?> reindex(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ResponseEntity<ProblemDetail> denied = deny(authorization);
		if (denied != null) {
			return denied;
		}
		IndexStatus status = index.reindex();
		return ResponseEntity.ok(status);
	}

	private ResponseEntity<ProblemDetail> deny(String authorization) {
		if (!properties.enabled()) {
			return problem(HttpStatus.FORBIDDEN, "The admin API is switched off: set FRONTDESK_ADMIN_TOKEN to use it.");
		}
		String expected = "Bearer " + properties.token();
		if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				authorization.strip().getBytes(StandardCharsets.UTF_8))) {
			ResponseEntity<ProblemDetail> unauthorized = problem(HttpStatus.UNAUTHORIZED,
					"A valid admin bearer token is required.");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"frontdesk-admin\"")
				.body(unauthorized.getBody());
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:frontdesk:problem:admin-access"));
		problem.setTitle("Admin access denied");
		return ResponseEntity.status(status).body(problem);
	}

}
