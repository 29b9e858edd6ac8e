package com.frontdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admin sign-in that resists guessing without locking staff out: Spring Security's password check
 * ({@code DaoAuthenticationProvider}, BCrypt) behind a throttle per account and per client address, each counted on
 * its own ({@link SignInAttempts}, {@link SignInProperties}).
 * <ul>
 * <li>An account in its wait, or locked, is refused before its password is checked, even a correct one: guessing it
 * cannot go on from anywhere.</li>
 * <li>A client address in its wait, or locked, is refused for names that are no admin account; an account that is
 * not itself waiting is still checked, so a colleague behind the same office NAT signs in while a guesser there is
 * held back, and a wrong password from that address is answered 429 too. Guessing a real account's password is
 * bounded by that account's throttle, whatever the addresses.</li>
 * <li>A successful sign-in clears the account's failures, not the address's, and is never held back by the chat's
 * rate limits (they count other endpoint groups).</li>
 * </ul>
 * Each failure and each lock is logged as a security event: its name, the account (names that are no account are not
 * written: they may be a password typed in the wrong field), the client's network; never a password.
 */
final class SignInGuard implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

	private final AuthenticationProvider passwords;

	/** Whether a (normalized) name is an account's. */
	private final Predicate<String> accounts;

	private final SignInAttempts attempts;

	private final SignInProperties settings;

	private final Clock clock;

	private final MeterRegistry metrics;

	SignInGuard(AuthenticationProvider passwords, Predicate<String> accounts, SignInAttempts attempts,
			SignInProperties settings, Clock clock, MeterRegistry metrics) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.attempts = attempts;
		this.settings = settings;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = AdminProperties.normalized(authentication.getName());
		boolean known = accounts.test(username);
		String account = SignInAttempts.accountKey(known ? username : null);
		String remote = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		String address = SignInAttempts.addressKey(ClientAddresses.keyOf(remote));
		Instant now = clock.instant();
		Map<String, SignInState> before = attempts.states(List.of(account, address), now);
		SignInState accountBefore = before.get(account);
		SignInState addressBefore = before.get(address);
		if (accountBefore.blockedAt(now)) {
			throw throttled(accountBefore, now);
		}
		if (addressBefore.blockedAt(now) && !known) {
			throw throttled(addressBefore, now);
		}
		try {
			Authentication signedIn = passwords.authenticate(authentication);
			if (accountBefore.failures() > 0) {
				attempts.succeeded(account);
				log.info("Security event admin-sign-in-succeeded: account {} from {} after {} failed sign-ins", username,
						ClientAddresses.masked(remote), accountBefore.failures());
			}
			return signedIn;
		}
		catch (AuthenticationException wrong) {
			SignInState accountNow = attempts.failed(account, now);
			SignInState addressNow = attempts.failed(address, now);
			String shown = known ? username : "(no such account)";
			metrics.counter("frontdesk.admin.sign-in.failures").increment();
			log.warn("Security event admin-sign-in-failed: account {} from {} ({} in a row for the account, {} for the "
					+ "address)", shown, ClientAddresses.masked(remote), accountNow.failures(), addressNow.failures());
			locked("admin-account-locked", "account " + shown, accountNow, now);
			locked("admin-address-locked", "address " + ClientAddresses.masked(remote), addressNow, now);
			if (addressBefore.blockedAt(now)) {
				throw throttled(later(accountNow, addressNow, now), now);
			}
			throw wrong;
		}
	}

	private SignInThrottled throttled(SignInState state, Instant now) {
		Duration wait = state.remaining(now);
		boolean locked = settings.locks(state.failures());
		metrics.counter("frontdesk.admin.sign-in.refused", "key", state.key().startsWith("account:") ? "account" : "address")
			.increment();
		return new SignInThrottled(wait, state.blockedUntil(), locked);
	}

	private void locked(String event, String what, SignInState state, Instant now) {
		if (state.lockBeganAt(now)) {
			metrics.counter("frontdesk.admin.sign-in.locks").increment();
			log.warn("Security event {}: {} locked until {} after {} failed sign-ins in a row", event, what,
					state.blockedUntil(), state.failures());
		}
	}

	private static SignInState later(SignInState one, SignInState other, Instant now) {
		return one.remaining(now).compareTo(other.remaining(now)) >= 0 ? one : other;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
