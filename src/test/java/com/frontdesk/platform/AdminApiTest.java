package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

/** The admin API re-indexes on request, and only for callers with the admin token. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "frontdesk.admin.token=s3cret-admin-token")
class AdminApiTest {

	@LocalServerPort
	int port;

	@Test
	void reindexesWithTheAdminToken() {
		Response response = call("POST", "/api/admin/knowledge/reindex", "Bearer s3cret-admin-token");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("passages").intValue()).isGreaterThan(5);
		assertThat(response.json().get("skippedFiles").isArray()).isTrue();
		assertThat(call("GET", "/api/admin/knowledge", "Bearer s3cret-admin-token").json().get("documents").intValue())
			.isEqualTo(1);
	}

	@Test
	void refusesCallersWithoutTheToken() {
		for (String authorization : new String[] { null, "Bearer wrong", "Basic czNjcmV0", "Bearer " }) {
			Response response = call("POST", "/api/admin/knowledge/reindex", authorization);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	private Response call(String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return new ChatClient(port).send(request.build());
	}

}
