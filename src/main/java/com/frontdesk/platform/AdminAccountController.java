package com.frontdesk.platform;

import java.security.Principal;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

/**
 * {@code GET /api/admin/me}: who is signed in, and when their account was last locked after failed sign-ins (and
 * when a sign-in last failed), so staff notice when someone has been guessing their password.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class AdminAccountController {

	private final SignInAttempts attempts;

	AdminAccountController(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@GetMapping("/api/admin/me")
	Me me(Principal principal) {
		String username = AdminProperties.normalized(principal.getName());
		SignInState state = attempts.state(SignInAttempts.accountKey(username)).orElseThrow();
		return new Me(principal.getName(), state.lockedAt(), state.lastFailureAt());
	}

	/**
	 * @param username the account signed in
	 * @param lastLockedAt when the account was last locked after failed sign-ins; null when never
	 * @param lastFailedSignInAt when a sign-in to the account last failed; null when never (within a day's memory)
	 */
	record Me(String username, Instant lastLockedAt, Instant lastFailedSignInAt) {
	}

}
