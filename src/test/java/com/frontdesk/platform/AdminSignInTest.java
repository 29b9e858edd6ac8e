package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.MovableClock;
import com.frontdesk.support.MutableClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin sign-in resists guessing without locking staff out, on a clock the test moves (defaults: three failures
 * free, then 1 s, 2 s, 4 s ... before the next attempt is checked, a 15-minute lock at ten). The test client is the
 * trusted proxy, so each test speaks from addresses of its own; a second staff account shares the office address.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = { FrontdeskApplication.class, MovableClock.class },
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY,
				"frontdesk.admin.accounts[0].username=" + AdminSignInTest.COLLEAGUE,
				"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
				"frontdesk.limits.trusted-proxies=127.0.0.1, ::1", "frontdesk.limits.rate-limiting=true",
				"frontdesk.limits.endpoints.chat.per-client=3/1h", "frontdesk.admin.sign-in.free-failures=3",
				"frontdesk.admin.sign-in.lock-after=10" })
class AdminSignInTest {

	static final String COLLEAGUE = "reception";

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void nothingFailedYet() {
		jdbc.sql("delete from admin_sign_in").update();
		clock.set(START);
	}

	@Test
	void wrongPasswordsSlowTheAccountDownAndEvenTheRightOneWaitsForTheWindow() {
		String office = "192.0.2.10";
		for (int i = 0; i < 4; i++) {
			assertThat(admin(office, AdminLogin.USERNAME, "guess " + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> tooSoon = admin(office, AdminLogin.USERNAME, "guess 4");
		assertThat(tooSoon.statusCode()).as("within the 1 s after the fourth failure").isEqualTo(429);
		assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(admin(office, AdminLogin.USERNAME, "guess 4").statusCode()).isEqualTo(401);

		HttpResponse<String> right = admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD);

		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(right.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(right.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(right.body());
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:frontdesk:problem:sign-in-throttled");
		assertThat(problem.get("retryAfter").intValue()).isEqualTo(2);
		assertThat(problem.get("requestId").stringValue()).isEqualTo(right.headers().firstValue("X-Request-Id").orElseThrow());
		clock.advance(Duration.ofSeconds(1));
		assertThat(admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD).headers().firstValue("Retry-After")).hasValue("1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(200);

		assertThat(admin(office, AdminLogin.USERNAME, "one typo").statusCode()).as("the account starts again")
			.isEqualTo(401);
		assertThat(admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void aColleagueBehindTheSameOfficeAddressSignsInWhileItIsThrottled() {
		String office = "192.0.2.20";
		for (int i = 0; i < 5; i++) {
			failOnce(office, AdminLogin.USERNAME);
		}
		assertThat(admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(429);

		assertThat(admin(office, COLLEAGUE, AdminLogin.PASSWORD).statusCode()).as("another account, same address")
			.isEqualTo(200);
		assertThat(admin(office, COLLEAGUE, "typo").statusCode()).as("a wrong one from the throttled address")
			.isEqualTo(429);
		assertThat(admin(office, "root", "toor").statusCode()).as("no such account: not even checked").isEqualTo(429);
		assertThat(admin("192.0.2.21", "root", "toor").statusCode()).as("elsewhere").isEqualTo(401);
		assertThat(admin(office, COLLEAGUE, AdminLogin.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedFailuresLockTheAccountFromEveryAddressUntilTheLockIsOver(CapturedOutput output) {
		for (int i = 1; i <= 10; i++) {
			failOnce("198.51.100." + i, AdminLogin.USERNAME);
		}
		Instant lockedAt = clock.instant();

		HttpResponse<String> locked = admin("203.0.113.99", AdminLogin.USERNAME, AdminLogin.PASSWORD);

		assertThat(locked.statusCode()).as("even the right password, from a new address").isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
		JsonNode problem = JSON.readTree(locked.body());
		assertThat(problem.get("detail").stringValue()).contains("locked until");
		assertThat(problem.get("lockedUntil").stringValue()).isEqualTo(lockedAt.plus(Duration.ofMinutes(15)).toString());
		clock.advance(Duration.ofMinutes(14));
		assertThat(admin("203.0.113.99", AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(429);
		clock.advance(Duration.ofMinutes(1));
		assertThat(admin("203.0.113.99", AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(200);

		JsonNode me = JSON.readTree(admin("203.0.113.99", "/api/admin/me", AdminLogin.USERNAME, AdminLogin.PASSWORD).body());
		assertThat(me.get("username").stringValue()).isEqualTo(AdminLogin.USERNAME);
		assertThat(Instant.parse(me.get("lastLockedAt").stringValue())).isEqualTo(lockedAt);
		JsonNode colleague = JSON.readTree(admin("203.0.113.99", "/api/admin/me", COLLEAGUE, AdminLogin.PASSWORD).body());
		assertThat(colleague.get("lastLockedAt").isNull()).as("never locked").isTrue();

		assertThat(output.getOut()).contains("Security event admin-sign-in-failed: account " + AdminLogin.USERNAME
				+ " from 198.51.*.*")
			.contains("Security event admin-account-locked: account " + AdminLogin.USERNAME + " locked until")
			.doesNotContain("wrong password", "198.51.100.");
	}

	@Test
	void aFloodOfChatFromTheAdminsAddressDoesNotBlockTheSignIn() {
		String office = "203.0.113.50";
		for (int i = 0; i < 3; i++) {
			assertThat(chat(office).statusCode()).isEqualTo(200);
		}
		assertThat(chat(office).statusCode()).isEqualTo(429);

		assertThat(admin(office, AdminLogin.USERNAME, AdminLogin.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void theAdminPageShowsWhenTheAccountWasLastLocked() {
		HttpResponse<String> page = admin("192.0.2.30", "/admin/", AdminLogin.USERNAME, AdminLogin.PASSWORD);
		HttpResponse<String> script = admin("192.0.2.30", "/admin/admin.js", AdminLogin.USERNAME, AdminLogin.PASSWORD);

		assertThat(page.body()).contains("id=\"account\"");
		assertThat(script.body()).contains("/api/admin/me").contains("lastLockedAt");
	}

	/** One counted failure: waits out the account's or the address's window first, as a patient guesser would. */
	private void failOnce(String address, String username) {
		for (;;) {
			HttpResponse<String> response = admin(address, username, "wrong password");
			if (response.statusCode() != 429) {
				assertThat(response.statusCode()).isEqualTo(401);
				return;
			}
			clock.advance(Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())));
		}
	}

	private HttpResponse<String> admin(String address, String username, String password) {
		return admin(address, "/api/admin/knowledge", username, password);
	}

	private HttpResponse<String> admin(String address, String path, String username, String password) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", address)
			.header("Authorization", AdminLogin.basic(username, password))
			.GET()
			.build());
	}

	private HttpResponse<String> chat(String address) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat"))
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello\"}"))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
