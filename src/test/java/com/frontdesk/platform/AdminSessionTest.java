package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;

/**
 * Staff sign in on the admin page once and stay signed in while they work; after fifteen minutes without activity
 * (HIPAA's automatic log-off) or after signing out, the session gives nothing. The session cookie is kept from
 * scripts and other sites, and patients' chats and scripts' Basic requests make no session at all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class AdminSessionTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSignInOnThePageHoldsASessionThatScriptsAndOtherSitesCannotUse() throws Exception {
		HttpResponse<String> signIn = signIn(AdminLogin.USERNAME, AdminLogin.PASSWORD, "same-origin");

		assertThat(signIn.statusCode()).isEqualTo(204);
		String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("FRONTDESK_ADMIN=").contains("Path=/api/admin").contains("HttpOnly")
			.containsIgnoringCase("SameSite=Strict");
		HttpResponse<String> me = get("/api/admin/me", session(cookie));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"" + AdminLogin.USERNAME + "\"")
			.contains("\"sessionTimeoutSeconds\":900");
		assertThat(get("/api/admin/conversations", session(cookie)).statusCode()).isEqualTo(200);

		assertThat(signIn(AdminLogin.USERNAME, AdminLogin.PASSWORD, "cross-site").statusCode())
			.as("another site's page cannot sign the browser in").isEqualTo(403);
	}

	@Test
	void aSessionEndsAfterFifteenMinutesWithoutActivity() throws Exception {
		String cookie = signIn(AdminLogin.USERNAME, AdminLogin.PASSWORD, "same-origin").headers()
			.firstValue("Set-Cookie")
			.orElseThrow();
		assertThat(get("/api/admin/me", session(cookie)).statusCode()).isEqualTo(200);

		idleFor(Duration.ofMinutes(14));
		assertThat(get("/api/admin/me", session(cookie)).statusCode()).as("still active: 14 minutes").isEqualTo(200);
		idleFor(Duration.ofMinutes(16));
		HttpResponse<String> after = get("/api/admin/conversations", session(cookie));

		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(after.headers().firstValue("WWW-Authenticate")).as("the page shows its own form, no browser prompt")
			.isEmpty();
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		String cookie = signIn(AdminLogin.USERNAME, AdminLogin.PASSWORD, "same-origin").headers()
			.firstValue("Set-Cookie")
			.orElseThrow();

		HttpResponse<String> signOut = http.send(page("/api/admin/sign-out", session(cookie))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(signOut.statusCode()).isEqualTo(204);
		assertThat(get("/api/admin/me", session(cookie)).statusCode()).isEqualTo(401);
	}

	@Test
	void aWrongPasswordOnThePageIsAProblemWithoutASession() throws Exception {
		HttpResponse<String> wrong = signIn(AdminLogin.USERNAME, "not the password", "same-origin");

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("FRONTDESK_ADMIN=") && !c.contains("Max-Age=0"));
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void patientsChatsAndScriptsBasicRequestsMakeNoSession() throws Exception {
		HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"how big is the scar?\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/conversations"))
			.header("Authorization", AdminLogin.header())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(chat.statusCode()).isEqualTo(200);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(chat.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(script.headers().allValues("Set-Cookie")).isEmpty();
	}

	private void idleFor(Duration idle) {
		jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where principal_name = ?")
			.params(System.currentTimeMillis() - idle.toMillis(),
					System.currentTimeMillis() - idle.toMillis() + Duration.ofMinutes(15).toMillis(), AdminLogin.USERNAME)
			.update();
	}

	private HttpResponse<String> signIn(String username, String password, String site)
			throws IOException, InterruptedException {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return http.send(page("/api/admin/sign-in", List.of()).header("Sec-Fetch-Site", site)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, List<String> headers) throws IOException, InterruptedException {
		return http.send(page(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request as the admin page makes it: from its own origin, saying so, with the given extra headers. */
	private HttpRequest.Builder page(String path, List<String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("X-Requested-With", "frontdesk-admin");
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		return request;
	}

	private static List<String> session(String setCookie) {
		return List.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')), "Sec-Fetch-Site", "same-origin");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
