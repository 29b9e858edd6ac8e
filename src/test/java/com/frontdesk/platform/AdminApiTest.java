package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

/** The admin API re-indexes on request, and only for the practice's admin (password configured as a hash). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class AdminApiTest {

	@LocalServerPort
	int port;

	@Test
	void reindexesForTheAdmin() {
		Response response = call("POST", "/api/admin/knowledge/reindex", AdminLogin.header());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("passages").intValue()).isGreaterThan(5);
		assertThat(response.json().get("skippedFiles").isArray()).isTrue();
		assertThat(call("GET", "/api/admin/knowledge", AdminLogin.header()).json().get("documents").intValue())
			.isEqualTo(1);
	}

	@Test
	void refusesCallersWithoutValidCredentials() {
		String[] refused = { null, "Bearer wrong", "Basic czNjcmV0", "Basic ",
				AdminLogin.basic(AdminLogin.USERNAME, "wrong password"), AdminLogin.basic("admin", AdminLogin.PASSWORD),
				AdminLogin.basic(AdminLogin.USERNAME, AdminLogin.PASSWORD_HASH) };
		for (String authorization : refused) {
			Response response = call("POST", "/api/admin/knowledge/reindex", authorization);
			assertThat(response.status()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	@Test
	void anotherSitesPageCannotMakeTheAdminsBrowserChangeAnything() {
		Response crossSite = call("POST", "/api/admin/knowledge/reindex", AdminLogin.header(), "Sec-Fetch-Site",
				"cross-site");
		Response otherOrigin = call("POST", "/api/admin/knowledge/reindex", AdminLogin.header(), "Origin",
				"https://evil.example");
		Response adminPage = call("POST", "/api/admin/knowledge/reindex", AdminLogin.header(), "Origin",
				"http://localhost:" + port);
		Response sameOrigin = call("POST", "/api/admin/knowledge/reindex", AdminLogin.header(), "Sec-Fetch-Site",
				"same-origin");
		Response reading = call("GET", "/api/admin/knowledge", AdminLogin.header(), "Sec-Fetch-Site", "cross-site");

		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(crossSite.contentType()).startsWith("application/problem+json");
		assertThat(otherOrigin.status()).isEqualTo(403);
		assertThat(adminPage.status()).isEqualTo(200);
		assertThat(sameOrigin.status()).isEqualTo(200);
		assertThat(reading.status()).as("reading is kept from other sites by the same-origin policy").isEqualTo(200);
	}

	@Test
	void chatStaysPublicAndEveryResponseCarriesSecurityHeaders() {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello\"}"))
			.build();
		var http = java.net.http.HttpClient.newHttpClient();
		try {
			var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("Set-Cookie")).as("no session cookies").isEmpty();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private Response call(String method, String path, String authorization, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return new ChatClient(port).send(request.build());
	}

}
