package com.frontdesk.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API and pages ({@code /api/admin/**}, {@code /admin/**}).
 *
 * @param username the admin user name ({@code FRONTDESK_ADMIN_USERNAME}, default {@code admin})
 * @param passwordHash the admin password as a BCrypt hash ({@code FRONTDESK_ADMIN_PASSWORD_HASH}); when neither this
 * nor {@code password} is set, the admin API and pages are switched off
 * @param password the admin password in plain text ({@code FRONTDESK_ADMIN_PASSWORD}), hashed in memory at start-up
 * and never kept; for installs that cannot make a hash beforehand
 */
@ConfigurationProperties("frontdesk.admin")
public record AdminProperties(@DefaultValue("admin") String username, String passwordHash, String password) {

	public boolean enabled() {
		return username != null && !username.isBlank() && (present(passwordHash) || present(password));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "AdminProperties[username=" + username + ", credentials=" + (enabled() ? "set" : "unset") + "]";
	}

}
