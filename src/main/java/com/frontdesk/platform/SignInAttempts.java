package com.frontdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed admin sign-ins by key ({@code account:<name>}, {@code address:<client>}), in the database every instance
 * shares, so that a guesser gains nothing by reaching another instance and a lock holds everywhere. Each failure is
 * one atomic increment; its window follows from the count ({@link SignInProperties}). Address rows are forgotten at the
 * heartbeat once they are past {@code forget-after}; account rows stay (there are only as many as accounts), so staff
 * can see when theirs was last locked.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	/** The key all names that are no admin account share: guessing names gains nothing, and costs no rows. */
	static final String UNKNOWN_ACCOUNT = "account:?";

	private final JdbcClient jdbc;

	private final SignInProperties settings;

	private final Clock clock;

	SignInAttempts(JdbcClient jdbc, SignInProperties settings, Clock clock, Instances instances) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		instances.onHeartbeat(this::forgetOldAddresses);
	}

	static String accountKey(String normalizedUsername) {
		return normalizedUsername == null ? UNKNOWN_ACCOUNT : "account:" + normalizedUsername;
	}

	static String addressKey(String client) {
		return "address:" + client;
	}

	/** The state of each key, clean when nothing is recorded or its failures are older than {@code forget-after}. */
	Map<String, SignInState> states(List<String> keys, Instant now) {
		Map<String, SignInState> states = new LinkedHashMap<>();
		keys.forEach(key -> states.put(key, SignInState.clean(key)));
		jdbc.sql("select throttle_key, failures, last_failure_at, blocked_until, locked_at from admin_sign_in "
				+ "where throttle_key in (:keys)")
			.param("keys", keys)
			.query((row, n) -> new SignInState(row.getString(1), row.getInt(2), instant(row.getObject(3, OffsetDateTime.class)),
					instant(row.getObject(4, OffsetDateTime.class)), instant(row.getObject(5, OffsetDateTime.class))))
			.list()
			.forEach(state -> states.put(state.key(), forgotten(state, now)));
		return states;
	}

	Optional<SignInState> state(String key) {
		return Optional.ofNullable(states(List.of(key), clock.instant()).get(key));
	}

	/** Records a failure of the key now: one more in a row, and the wait (or lock) that follows. */
	SignInState failed(String key, Instant now) {
		OffsetDateTime at = utc(now);
		OffsetDateTime forgetBefore = utc(now.minus(settings.forgetAfter()));
		if (increment(key, at, forgetBefore) == 0) {
			try {
				jdbc.sql("insert into admin_sign_in (throttle_key, failures, last_failure_at) values (?, 1, ?)")
					.params(key, at)
					.update();
			}
			catch (DuplicateKeyException ex) {
				increment(key, at, forgetBefore);
			}
		}
		int failures = jdbc.sql("select failures from admin_sign_in where throttle_key = ?").param(key).query(Integer.class).single();
		Duration window = settings.windowAfter(failures);
		if (!window.isZero()) {
			OffsetDateTime until = utc(now.plus(window));
			jdbc.sql("update admin_sign_in set blocked_until = ? where throttle_key = ? and (blocked_until is null "
					+ "or blocked_until < ?)")
				.params(until, key, until)
				.update();
			if (settings.locks(failures)) {
				jdbc.sql("update admin_sign_in set locked_at = ? where throttle_key = ?").params(at, key).update();
			}
		}
		return states(List.of(key), now).get(key);
	}

	private int increment(String key, OffsetDateTime at, OffsetDateTime forgetBefore) {
		return jdbc.sql("update admin_sign_in set failures = case when last_failure_at < ? then 1 else failures + 1 end, "
				+ "last_failure_at = ? where throttle_key = ?")
			.params(forgetBefore, at, key)
			.update();
	}

	/** A successful sign-in: the account's failures are cleared (when it was last locked is kept). */
	void succeeded(String key) {
		jdbc.sql("update admin_sign_in set failures = 0, blocked_until = null where throttle_key = ? and failures > 0")
			.param(key)
			.update();
	}

	void forgetOldAddresses() {
		int forgotten = jdbc.sql("delete from admin_sign_in where throttle_key like 'address:%' and last_failure_at < ?")
			.param(utc(clock.instant().minus(settings.forgetAfter())))
			.update();
		if (forgotten > 0) {
			log.debug("Forgot the failed sign-ins of {} client addresses", forgotten);
		}
	}

	private SignInState forgotten(SignInState state, Instant now) {
		boolean old = state.lastFailureAt() != null && state.lastFailureAt().isBefore(now.minus(settings.forgetAfter()));
		return old ? new SignInState(state.key(), 0, state.lastFailureAt(), null, state.lockedAt()) : state;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
