package com.frontdesk.platform;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * {@code GET /api/admin/me}: who is signed in, and when their account was last locked after failed sign-ins (and
 * when a sign-in last failed), so staff notice when someone has been guessing their password; and after how long
 * without activity the admin page signs them out.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class AdminAccountController {

	private final SignInAttempts attempts;

	private final AdminProperties admin;

	private final Practices practices;

	AdminAccountController(SignInAttempts attempts, AdminProperties admin, Practices practices) {
		this.attempts = attempts;
		this.admin = admin;
		this.practices = practices;
	}

	/**
	 * {@code GET /api/admin/practices}: the practices the signed-in account may act for, with their names: every
	 * practice for the operator, its own for anyone else.
	 */
	@GetMapping("/api/admin/practices")
	List<PracticeName> practices(Authentication principal) {
		PracticeId own = StaffPractice.own(principal);
		boolean operator = StaffPractice.operator(principal);
		return practices.all()
			.stream()
			.filter(practice -> operator || practice.id().equals(own))
			.map(practice -> new PracticeName(practice.id().value(), practice.profile().name(),
					practices.created(practice.id()) ? "created" : "settings"))
			.toList();
	}

	/**
	 * A practice as the admin page lists it.
	 *
	 * @param source {@code settings} (set by the host, changed there) or {@code created} (by the operator while the
	 * deployment runs; its profile and origins change with {@code PATCH /api/admin/practices/{id}})
	 */
	record PracticeName(String id, String name, String source) {
	}

	@GetMapping("/api/admin/me")
	Me me(Authentication principal) {
		String username = AdminProperties.normalized(principal.getName());
		SignInState state = attempts.state(SignInAttempts.accountKey(username)).orElseThrow();
		String role = principal.getAuthorities()
			.stream()
			.anyMatch(authority -> authority.getAuthority().equals("ROLE_" + AdminSecurity.ROLE)) ? "admin" : "staff";
		return new Me(principal.getName(), role, StaffPractice.own(principal).value(), StaffPractice.operator(principal),
				state.lockedAt(), state.lastFailureAt(), admin.sessionTimeout().toSeconds());
	}

	/**
	 * @param username the account signed in
	 * @param role {@code admin} or {@code staff}
	 * @param practice the id of the practice the account belongs to
	 * @param operator whether the account is the deployment's operator, who may act for any practice
	 * ({@code ?practice=})
	 * @param lastLockedAt when the account was last locked after failed sign-ins; null when never
	 * @param lastFailedSignInAt when a sign-in to the account last failed; null when never (within a day's memory)
	 * @param sessionTimeoutSeconds after how long without activity a sign-in on the admin page ends
	 */
	record Me(String username, String role, String practice, boolean operator, Instant lastLockedAt,
			Instant lastFailedSignInAt, long sessionTimeoutSeconds) {
	}

}
