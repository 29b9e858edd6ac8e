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

/** Without admin credentials in the environment the admin API is off for everyone, and says how to turn it on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminSwitchedOffTest {

	@LocalServerPort
	int port;

	@Test
	void adminApiIsOffUntilAPasswordHashIsConfigured() {
		for (String authorization : new String[] { null, AdminLogin.header(), AdminLogin.basic("admin", "") }) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/admin/knowledge"));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			Response response = new ChatClient(port).send(request.build());
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").stringValue()).contains("FRONTDESK_ADMIN_PASSWORD_HASH");
		}
	}

}
