package com.frontdesk.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API and pages ({@code /api/admin/**}, {@code /admin/**}).
 *
 * @param username the admin user name ({@code FRONTDESK_ADMIN_USERNAME}, default {@code admin}): the default practice's
 * admin and the deployment's operator, who may act for any practice ({@code ?practice=} on the admin API)
 * @param passwordHash the admin password as a BCrypt hash ({@code FRONTDESK_ADMIN_PASSWORD_HASH}); when neither this
 * nor {@code password} is set, the admin API and pages are switched off
 * @param password the admin password in plain text ({@code FRONTDESK_ADMIN_PASSWORD}), hashed in memory at start-up
 * and never kept; for installs that cannot make a hash beforehand
 * @param accounts further staff accounts, each with its own name, BCrypt hash and role
 * ({@code FRONTDESK_ADMIN_ACCOUNTS_0_USERNAME}, {@code FRONTDESK_ADMIN_ACCOUNTS_0_PASSWORD_HASH},
 * {@code FRONTDESK_ADMIN_ACCOUNTS_0_ROLE}, ...), so that each person signs in (and is throttled, and locked) on their
 * own
 * @param sessionTimeout how long a sign-in on the admin page lasts without activity (HIPAA's automatic log-off): the
 * next request after it is refused and the page asks to sign in again
 */
@ConfigurationProperties("frontdesk.admin")
public record AdminProperties(@DefaultValue("admin") String username, String passwordHash, String password,
		List<Account> accounts, @DefaultValue("15m") Duration sessionTimeout) {

	/**
	 * A further staff account.
	 *
	 * @param role {@code admin} (the default: everything the admin account may do) or {@code staff} (conversations,
	 * callbacks, handoffs and reports, but not the audit log, deleting a conversation or re-indexing the knowledge)
	 * @param practice the practice the account belongs to (a {@code frontdesk.practices[n].id}, default
	 * {@code default}): it sees and changes that practice's conversations, callbacks, reports and audit log only
	 */
	public record Account(String username, String passwordHash, @DefaultValue("admin") Role role,
			@DefaultValue("default") String practice) {

		@Override
		public String toString() {
			return "Account[username=" + username + ", role=" + role + ", practice=" + practice + "]";
		}

	}

	/** What a staff account may do. */
	public enum Role {

		/** The practice's admin: everything, the audit log and deletions included. */
		ADMIN,

		/** The front office: reads and answers patients, marks callbacks done; no audit log, deletion or re-index. */
		STAFF

	}

	public AdminProperties {
		accounts = accounts == null ? List.of() : List.copyOf(accounts);
		if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
			throw new IllegalArgumentException("frontdesk.admin.session-timeout must be positive");
		}
		for (Account account : accounts) {
			if (!present(account.username()) || !present(account.passwordHash())) {
				throw new IllegalArgumentException(
						"Each of frontdesk.admin.accounts needs a username and a password-hash (BCrypt)");
			}
		}
	}

	public boolean enabled() {
		return username != null && !username.isBlank() && (present(passwordHash) || present(password));
	}

	/** The names of every admin account, as they are compared (case does not matter). */
	List<String> usernames() {
		if (!enabled()) {
			return List.of();
		}
		return Stream.concat(Stream.of(username), accounts.stream().map(Account::username))
			.map(AdminProperties::normalized)
			.distinct()
			.toList();
	}

	static String normalized(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + username + ", credentials=" + (enabled() ? "set" : "unset") + ", accounts="
				+ accounts.size() + "]";
	}

}
