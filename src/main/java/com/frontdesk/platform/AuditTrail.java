package com.frontdesk.platform;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.springframework.security.core.Authentication;

import com.frontdesk.practice.PracticeId;

/**
 * Records in the {@link AuditLog} every admin request that opens patient data or changes something, before its
 * response leaves: the response is held back until the entry is written, and when it cannot be written the staff
 * member gets a {@code 503} problem instead of the data. Only requests that succeeded are recorded; the subject is
 * the identifier in the path, never patient text. Runs in the security filter chain after authorisation, so the
 * staff account is known.
 */
final class AuditTrail extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	/** What each audited endpoint does, in words, by method and path pattern; other requests are not recorded. */
	static final Map<String, String> ACTIONS = Map.ofEntries(
			Map.entry("GET /api/admin/conversations", "conversations listed"),
			Map.entry("GET /api/admin/conversations/{id}", "transcript opened"),
			Map.entry("DELETE /api/admin/conversations/{id}", "conversation deleted"),
			Map.entry("POST /api/admin/conversations/{id}/messages", "staff replied"),
			Map.entry("POST /api/admin/conversations/{id}/release", "conversation handed back"),
			Map.entry("POST /api/admin/conversations/{id}/close", "conversation closed"),
			Map.entry("GET /api/admin/handoffs", "handoffs listed"),
			Map.entry("GET /api/admin/callbacks", "callback requests listed"),
			Map.entry("GET /api/admin/callbacks.csv", "callback requests exported"),
			Map.entry("POST /api/admin/callbacks/{id}/done", "callback marked done"),
			Map.entry("GET /api/admin/reports/content-gaps", "content gaps viewed"),
			Map.entry("POST /api/admin/knowledge/reindex", "knowledge re-indexed"),
			Map.entry("GET /api/admin/audit", "audit log viewed"));

	/** Actions on a practice as a whole: their subject is the practice acted for. */
	static final java.util.Set<String> ON_THE_PRACTICE = java.util.Set.of("knowledge re-indexed");

	private static final int MAX_SUBJECT = 120;

	private final AuditLog audit;

	AuditTrail(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/admin/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		String action = actionOf(request);
		Principal staff = request.getUserPrincipal();
		if (action != null && staff != null && HttpStatus.valueOf(held.getStatus()).is2xxSuccessful()) {
			try {
				PracticeId practice = practiceOf(staff, request);
				audit.record(practice, staff.getName(), action,
						ON_THE_PRACTICE.contains(action) ? practice.value() : subjectOf(request),
						ClientAddresses.masked(request.getRemoteAddr()), RequestIds.current().orElse(null));
			}
			catch (RuntimeException ex) {
				log.error("An admin request was refused because its audit entry could not be written ({})",
						ex.getClass().getSimpleName());
				held.resetBuffer();
				response.reset();
				RequestIds.current().ifPresent(id -> response.setHeader(RequestIds.HEADER, id));
				Problems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
						"Not recorded", "The access could not be recorded in the audit log, so nothing is shown. "
								+ "Try again in a moment."));
				return;
			}
		}
		held.copyBodyToResponse();
	}

	private static String actionOf(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? null : ACTIONS.get(request.getMethod() + " " + pattern);
	}

	/** The practice the staff member acted for (the request succeeded, so it was theirs to act for). */
	private static PracticeId practiceOf(Principal staff, HttpServletRequest request) {
		return staff instanceof Authentication signedIn
				? StaffPractice.actedFor(signedIn, request.getParameter("practice")) : PracticeId.DEFAULT;
	}

	private static String subjectOf(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get("id") instanceof String id) {
			return id.length() <= MAX_SUBJECT ? id : id.substring(0, MAX_SUBJECT);
		}
		return null;
	}

}
