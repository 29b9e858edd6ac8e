package com.frontdesk.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.InvalidField;
import com.frontdesk.practice.PracticeId;

/**
 * The staff accounts made while the deployment runs, in the {@code staff_account} table every instance shares: a
 * practice's first admin (made with the practice) and the accounts its admins make for their colleagues. Passwords
 * are kept as BCrypt hashes only; a disabled account stays (for the audit log's names) but cannot sign in. Accounts
 * in settings ({@code frontdesk.admin.*}) are not kept here and keep working as they are.
 */
@Component
class StaffAccounts {

	/** The shortest password an account made here may have. */
	static final int MIN_PASSWORD = 12;

	/** BCrypt reads at most 72 bytes of a password. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._@-]{0,98}[a-z0-9])?");

	private static final BCryptPasswordEncoder HASHES = new BCryptPasswordEncoder();

	private final JdbcClient jdbc;

	private final AdminProperties settings;

	private final Clock clock;

	StaffAccounts(JdbcClient jdbc, AdminProperties settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * An account to make.
	 *
	 * @param username its name (letters, digits, {@code . _ @ -}; case does not matter)
	 * @param password at least {@value #MIN_PASSWORD} characters
	 * @param role {@code staff} (the default) or {@code admin}
	 */
	record NewAccount(String username, String password, String role) {

		@Override
		public String toString() {
			return "NewAccount[username=" + username + ", role=" + role + "]";
		}

	}

	/**
	 * One account of a practice, as its admin sees it.
	 *
	 * @param username its name
	 * @param role {@code admin} or {@code staff}
	 * @param source {@code settings} (set by the host, changed there) or {@code created} (made here)
	 * @param createdBy who made it; null for one in settings
	 * @param disabledAt when it was disabled; null while it may sign in
	 */
	record Account(String username, String role, String source, Instant createdAt, String createdBy,
			Instant disabledAt) {
	}

	/** What is wrong with an account to make, field by field under the prefix ({@code admin.}); never the values. */
	List<InvalidField> problems(NewAccount account, String prefix) {
		List<InvalidField> problems = new ArrayList<>();
		if (account == null) {
			problems.add(new InvalidField(prefix.isEmpty() ? "username" : prefix.substring(0, prefix.length() - 1),
					"A username and a password are required."));
			return problems;
		}
		if (account.username() == null || !USERNAME.matcher(AdminProperties.normalized(account.username())).matches()) {
			problems.add(new InvalidField(prefix + "username", "A username is 1 to 100 letters, digits, dots, "
					+ "hyphens, underscores or @, starting and ending with a letter or digit."));
		}
		passwordProblem(account.password(), prefix + "password").ifPresent(problems::add);
		if (account.role() != null && role(account.role()) == null) {
			problems.add(new InvalidField(prefix + "role", "The role is staff or admin."));
		}
		return problems;
	}

	/** What is wrong with a password, as the field named; never the password. */
	static Optional<InvalidField> passwordProblem(String password, String field) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
			return Optional.of(new InvalidField(field,
					"A password has at least " + MIN_PASSWORD + " characters; a few words make a good one."));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return Optional.of(new InvalidField(field, "A password has at most " + MAX_PASSWORD_BYTES
					+ " bytes (about 70 letters)."));
		}
		return Optional.empty();
	}

	/**
	 * Gives an account of the practice made here a new password (checked with {@link #passwordProblem} before), and
	 * lets it sign in again if it was disabled: what a practice admin does for a colleague who forgot theirs.
	 * @return whether the practice has such an account
	 */
	boolean setPassword(PracticeId practice, String username, String password) {
		return jdbc.sql("update staff_account set password_hash = ?, disabled_at = null, disabled_by = null "
				+ "where username = ? and practice_id = ?")
			.params(HASHES.encode(password), AdminProperties.normalized(username), practice.value())
			.update() == 1;
	}

	/**
	 * Makes an account of the practice (with its password hashed), checked with {@link #problems} before.
	 * @throws AccountTaken when an account of that name exists already, in settings or here (disabled ones too)
	 */
	String create(PracticeId practice, NewAccount account, AdminProperties.Role defaultRole, String createdBy) {
		String username = AdminProperties.normalized(account.username());
		if (settings.usernames().contains(username)) {
			throw new AccountTaken();
		}
		AdminProperties.Role role = account.role() == null ? defaultRole : role(account.role());
		try {
			jdbc.sql("""
					insert into staff_account (username, practice_id, role, password_hash, created_at, created_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(username, practice.value(), role.name().toLowerCase(Locale.ROOT),
						HASHES.encode(account.password()), utc(clock.instant()), createdBy)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new AccountTaken();
		}
		return username;
	}

	/** The account that may sign in under that name, if one was made here and is not disabled. */
	Optional<UserDetails> active(String username) {
		return jdbc.sql("select username, practice_id, role, password_hash from staff_account "
				+ "where username = ? and disabled_at is null")
			.param(AdminProperties.normalized(username))
			.query((row, n) -> AdminSecurity.user(row.getString("username"), row.getString("password_hash"),
					role(row.getString("role")), new PracticeId(row.getString("practice_id")), false,
					"staff_account.password_hash"))
			.optional();
	}

	/** The accounts made here for the practice, oldest first, disabled ones included. */
	List<Account> of(PracticeId practice) {
		return jdbc.sql("select username, role, created_at, created_by, disabled_at from staff_account "
				+ "where practice_id = ? order by created_at, username")
			.param(practice.value())
			.query((row, n) -> new Account(row.getString("username"), row.getString("role"), "created",
					row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("created_by"),
					Optional.ofNullable(row.getObject("disabled_at", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.list();
	}

	/**
	 * Disables an account of the practice made here; it cannot sign in from now on.
	 * @return whether the practice has such an account that was not disabled yet
	 */
	boolean disable(PracticeId practice, String username, String disabledBy) {
		return jdbc.sql("update staff_account set disabled_at = ?, disabled_by = ? "
				+ "where username = ? and practice_id = ? and disabled_at is null")
			.params(utc(clock.instant()), disabledBy, AdminProperties.normalized(username), practice.value())
			.update() == 1;
	}

	/** Whether the practice has an account of that name made here, disabled or not. */
	boolean exists(PracticeId practice, String username) {
		return jdbc.sql("select count(*) from staff_account where username = ? and practice_id = ?")
			.params(AdminProperties.normalized(username), practice.value())
			.query(Long.class)
			.single() > 0;
	}

	private static AdminProperties.Role role(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "admin" -> AdminProperties.Role.ADMIN;
			case "staff" -> AdminProperties.Role.STAFF;
			default -> null;
		};
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** An account of that name exists already (in settings or made here); answered with a 409 problem. */
	static final class AccountTaken extends RuntimeException {

		AccountTaken() {
			super("That username is taken");
		}

	}

}
