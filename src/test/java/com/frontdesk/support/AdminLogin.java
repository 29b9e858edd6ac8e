package com.frontdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The admin account tests log in with. Put {@link #PROPERTIES} on a {@code @SpringBootTest} and send
 * {@link #header()} as the {@code Authorization} header of admin requests.
 */
public final class AdminLogin {

	public static final String USERNAME = "practice-admin";

	public static final String PASSWORD = "correct horse battery staple";

	/** BCrypt of {@link #PASSWORD}: the admin password is configured as a hash, as in production. */
	public static final String PASSWORD_HASH = "$2a$10$0R1CdRfAdOUFxae2dwnsj.DFarm1p8NXwxdvDSXh7DOPqrdP0ERla";

	public static final String USERNAME_PROPERTY = "frontdesk.admin.username=" + USERNAME;

	public static final String HASH_PROPERTY = "frontdesk.admin.password-hash=" + PASSWORD_HASH;

	private AdminLogin() {
	}

	/** The {@code Authorization} header value of the test admin. */
	public static String header() {
		return basic(USERNAME, PASSWORD);
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
