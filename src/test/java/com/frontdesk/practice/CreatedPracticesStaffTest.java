package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;

/**
 * A created practice's staff: its first admin, made with it, signs in (on the page or as a script) and sees its
 * practice only; it makes and disables the accounts of its own colleagues, never another practice's, and every change
 * is in its audit log. A disabled account cannot sign in, and its sessions end.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.admin.accounts[0].username=default-desk",
		"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
		"frontdesk.admin.accounts[0].role=staff" })
@TestInstance(Lifecycle.PER_CLASS)
class CreatedPracticesStaffTest {

	static final String OPERATOR = AdminLogin.header();

	static final String EAST_ADMIN = AdminLogin.basic("eastside-admin", PracticesCreatedAtRunTimeTest.ADMIN_PASSWORD);

	static final String DESK_PASSWORD = "the front desk password";

	@LocalServerPort
	int port;

	ChatClient client;

	String defaultConversation;

	String eastConversation;

	@BeforeAll
	void theOperatorCreatesEastsideAndEachPracticeHasAConversation() {
		client = new ChatClient(port);
		Response created = call(OPERATOR, "POST", "/api/admin/practices", PracticesCreatedAtRunTimeTest
			.eastside("eastside", KnowledgeFolders.withPage(PracticesCreatedAtRunTimeTest.EASTSIDE_PAGE)));
		assertThat(created.status()).isEqualTo(201);
		defaultConversation = chat(null, "I want to talk to a real person please").text("conversationId");
		eastConversation = chat("eastside", "I want to talk to a real person please").text("conversationId");
	}

	@Test
	void itsFirstAdminSeesItsOwnConversationsOnlyAndTheOthersAreNotFound() {
		JsonNode me = call(EAST_ADMIN, "GET", "/api/admin/me", null).json();
		List<String> ids = ChatClient.values(call(EAST_ADMIN, "GET", "/api/admin/conversations", null).json()
			.get("items"), "id");

		assertThat(me.get("practice").stringValue()).isEqualTo("eastside");
		assertThat(me.get("role").stringValue()).isEqualTo("admin");
		assertThat(me.get("operator").booleanValue()).isFalse();
		assertThat(ids).contains(eastConversation).doesNotContain(defaultConversation);
		assertThat(call(EAST_ADMIN, "GET", "/api/admin/conversations/" + defaultConversation, null).status())
			.isEqualTo(404);
		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/conversations/" + defaultConversation, null).status())
			.isEqualTo(404);
		assertThat(call(EAST_ADMIN, "GET", "/api/admin/conversations?practice=default", null).status())
			.isEqualTo(404);
		assertThat(call(EAST_ADMIN, "GET", "/api/admin/conversations/" + eastConversation, null).status())
			.isEqualTo(200);
		assertThat(ChatClient.values(call(EAST_ADMIN, "GET", "/api/admin/practices", null).json(), "id"))
			.containsExactly("eastside");
	}

	@Test
	void aPracticeAdminMayNotCreatePractices() {
		Response refused = call(EAST_ADMIN, "POST", "/api/admin/practices",
				PracticesCreatedAtRunTimeTest.eastside("eastside-two", KnowledgeFolders.withPage("# Other\n\nText.")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	@Test
	void itsAdminMakesAColleaguesAccountWhoSignsInUntilDisabled() {
		Response made = call(EAST_ADMIN, "POST", "/api/admin/accounts",
				Map.of("username", "East-Desk", "password", DESK_PASSWORD, "role", "staff"));
		String desk = AdminLogin.basic("east-desk", DESK_PASSWORD);

		assertThat(made.status()).isEqualTo(201);
		assertThat(made.text("username")).isEqualTo("east-desk");
		assertThat(ChatClient.values(call(EAST_ADMIN, "GET", "/api/admin/accounts", null).json(), "username"))
			.contains("eastside-admin", "east-desk")
			.doesNotContain("default-desk", AdminLogin.USERNAME);
		JsonNode me = call(desk, "GET", "/api/admin/me", null).json();
		assertThat(me.get("practice").stringValue()).isEqualTo("eastside");
		assertThat(me.get("role").stringValue()).isEqualTo("staff");
		assertThat(ChatClient.values(call(desk, "GET", "/api/admin/handoffs", null).json(), "conversationId"))
			.containsExactly(eastConversation);
		assertThat(call(desk, "POST", "/api/admin/accounts", Map.of("username", "east-two", "password", DESK_PASSWORD))
			.status()).as("the front office makes no accounts").isEqualTo(403);
		assertThat(call(desk, "GET", "/api/admin/audit", null).status()).isEqualTo(403);
		String session = signIn("east-desk", DESK_PASSWORD);
		assertThat(withSession(session, "/api/admin/me").status()).isEqualTo(200);

		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/accounts/east-desk", null).status()).isEqualTo(204);

		assertThat(call(desk, "GET", "/api/admin/me", null).status()).isEqualTo(401);
		assertThat(withSession(session, "/api/admin/me").status()).as("its session ended").isEqualTo(401);
		assertThat(signInStatus("east-desk", DESK_PASSWORD)).isEqualTo(401);
		JsonNode audit = call(EAST_ADMIN, "GET", "/api/admin/audit", null).json().get("entries");
		assertThat(ChatClient.values(audit, "action")).contains("staff account created", "staff account disabled",
				"practice created");
		assertThat(ChatClient.values(audit, "subject")).contains("east-desk", "eastside-admin");
	}

	@Test
	void aColleagueWhoForgotTheirPasswordIsGivenANewOneAndTheOldOneStopsWorking() {
		String old = "the night desk password";
		String fresh = "a brand new night desk password";
		assertThat(call(EAST_ADMIN, "POST", "/api/admin/accounts",
				Map.of("username", "east-night", "password", old, "role", "staff")).status()).isEqualTo(201);
		String session = signIn("east-night", old);
		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/accounts/east-night", null).status()).isEqualTo(204);

		Response tooShort = call(EAST_ADMIN, "PUT", "/api/admin/accounts/east-night/password",
				Map.of("password", "eleven char"));
		Response set = call(EAST_ADMIN, "PUT", "/api/admin/accounts/east-night/password", Map.of("password", fresh));

		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(ChatClient.values(tooShort.json().get("errors"), "field")).containsExactly("password");
		assertThat(tooShort.body()).doesNotContain("eleven char");
		assertThat(set.status()).isEqualTo(204);
		assertThat(call(AdminLogin.basic("east-night", fresh), "GET", "/api/admin/me", null).status())
			.as("set again, the account signs in: it is enabled again").isEqualTo(200);
		assertThat(signInStatus("east-night", old)).isEqualTo(401);
		assertThat(withSession(session, "/api/admin/me").status()).as("a session of before stays ended").isEqualTo(401);
		assertThat(call(AdminLogin.basic("east-night", fresh), "PUT", "/api/admin/accounts/east-night/password",
				Map.of("password", fresh)).status()).as("staff do not set passwords").isEqualTo(403);
		assertThat(call(EAST_ADMIN, "PUT", "/api/admin/accounts/default-desk/password", Map.of("password", fresh))
			.status()).as("another practice's account is not found").isEqualTo(404);
		assertThat(call(OPERATOR, "PUT", "/api/admin/accounts/east-night/password", Map.of("password", fresh))
			.status()).as("the operator acts for the default practice unless it names another").isEqualTo(404);
		assertThat(call(OPERATOR, "PUT", "/api/admin/accounts/east-night/password?practice=eastside",
				Map.of("password", fresh)).status()).isEqualTo(204);
		assertThat(ChatClient.values(call(EAST_ADMIN, "GET", "/api/admin/audit", null).json().get("entries"), "action"))
			.contains("staff account password set");
	}

	@Test
	void aPracticeAdminCannotTouchAnotherPracticesAccounts() {
		assertThat(call(EAST_ADMIN, "GET", "/api/admin/accounts?practice=default", null).status()).isEqualTo(404);
		assertThat(call(EAST_ADMIN, "POST", "/api/admin/accounts?practice=default",
				Map.of("username", "sneaky", "password", DESK_PASSWORD)).status()).isEqualTo(404);
		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/accounts/default-desk", null).status()).isEqualTo(404);
		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/accounts/" + AdminLogin.USERNAME, null).status())
			.isEqualTo(404);
		assertThat(ChatClient.values(call(OPERATOR, "GET", "/api/admin/accounts", null).json(), "username"))
			.containsExactly(AdminLogin.USERNAME, "default-desk");
		assertThat(call(AdminLogin.basic("sneaky", DESK_PASSWORD), "GET", "/api/admin/me", null).status())
			.isEqualTo(401);
	}

	@Test
	void anAccountThatCannotBeMadeIsAProblem() {
		Response shortPassword = call(EAST_ADMIN, "POST", "/api/admin/accounts",
				Map.of("username", "east-short", "password", "eleven char"));
		Response badName = call(EAST_ADMIN, "POST", "/api/admin/accounts",
				Map.of("username", "east desk!", "password", DESK_PASSWORD, "role", "boss"));
		Response taken = call(EAST_ADMIN, "POST", "/api/admin/accounts",
				Map.of("username", "default-desk", "password", DESK_PASSWORD));

		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(ChatClient.values(shortPassword.json().get("errors"), "field")).containsExactly("password");
		assertThat(shortPassword.body()).doesNotContain("eleven char");
		assertThat(badName.status()).isEqualTo(400);
		assertThat(ChatClient.values(badName.json().get("errors"), "field")).containsExactly("username", "role");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(call(EAST_ADMIN, "DELETE", "/api/admin/accounts/eastside-admin", null).status())
			.as("not the account signed in").isEqualTo(409);
	}

	/** The sign-in throttle counts a created account's failures as that account's, as for one in settings. */
	@Test
	void aFailedSignInToACreatedAccountIsCountedForThatAccount() {
		assertThat(signInStatus("eastside-admin", "not the password at all")).isEqualTo(401);

		JsonNode me = call(EAST_ADMIN, "GET", "/api/admin/me", null).json();
		assertThat(me.get("lastFailedSignInAt").isNull()).isFalse();
	}

	/** Signs in as the admin page does; returns the session cookie. */
	private String signIn(String username, String password) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(signInRequest(username, password), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(204);
			String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
			return cookie.substring(0, cookie.indexOf(';'));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private int signInStatus(String username, String password) {
		return client.send(signInRequest(username, password)).status();
	}

	private HttpRequest signInRequest(String username, String password) {
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/sign-in"))
			.header("X-Requested-With", "frontdesk-admin")
			.header("Sec-Fetch-Site", "same-origin")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private Response withSession(String cookie, String path) {
		return client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
			.header("X-Requested-With", "frontdesk-admin")
			.header("Sec-Fetch-Site", "same-origin")
			.header("Cookie", cookie)
			.GET()
			.build());
	}

	private Response chat(String practice, String message) {
		return PracticesCreatedAtRunTimeTest.chat(client, practice, message);
	}

	private Response call(String authorization, String method, String path, Object body) {
		return PracticesCreatedAtRunTimeTest.call(client, authorization, method, path, body);
	}

}
