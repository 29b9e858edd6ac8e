package com.frontdesk.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection for the admin API. Browsers resend an admin's saved Basic credentials with
 * any request to this server, also one that another site's page makes (a plain form post needs no CORS preflight);
 * so a request that changes something under {@code /api/admin/**} or {@code /admin/**} is refused (403) when the
 * browser says it comes from another site ({@code Sec-Fetch-Site}) or names another origin ({@code Origin}).
 * Requests without either header (curl, scripts, the practice's own systems) are not browsers acting for a page,
 * and reading (GET) is never refused here: the same-origin policy keeps other sites from reading the answers.
 */
class SameOriginAdminChanges extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private static final Set<String> SAME = Set.of("same-origin", "none");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return READS.contains(request.getMethod().toUpperCase(Locale.ROOT))
				|| !(path.startsWith("/api/admin/") || path.startsWith("/admin/") || path.equals("/admin"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		boolean crossSite = site != null ? !SAME.contains(site.strip().toLowerCase(Locale.ROOT))
				: origin != null && !sameHost(origin, request.getHeader("Host"));
		if (crossSite) {
			Problems.write(response, Problems.problem(HttpStatus.FORBIDDEN, "cross-site-admin-request",
					"Cross-site request refused", "Admin changes are only accepted from the admin page itself."));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the Origin's host (and port) is the one this request was sent to. */
	private static boolean sameHost(String origin, String host) {
		if (host == null || origin.equals("null")) {
			return false;
		}
		try {
			URI uri = URI.create(origin.strip());
			String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
			return authority != null && (authority.equalsIgnoreCase(host.strip())
					|| uri.getPort() < 0 && host.strip().toLowerCase(Locale.ROOT).startsWith(authority.toLowerCase(Locale.ROOT) + ":"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
