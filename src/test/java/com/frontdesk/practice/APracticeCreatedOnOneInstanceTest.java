package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.KnowledgeFolders;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances behind a load balancer, sharing one PostgreSQL: a practice the operator creates on one is served by
 * the other from its next heartbeat on, with its own content and origins, and an instance started later serves it
 * from the start; a change of its profile reaches the other instance the same way. Its admin and the accounts it
 * makes sign in on either instance, and one disabled on one is refused on the other at once.
 */
class APracticeCreatedOnOneInstanceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void isServedByTheOtherInstanceFromItsNextHeartbeatAndByANewOneFromTheStart() throws IOException {
		String folder = KnowledgeFolders.withPage(PracticesCreatedAtRunTimeTest.EASTSIDE_PAGE);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ConfigurableApplicationContext one = start(postgres);
				ConfigurableApplicationContext two = start(postgres)) {
			ChatClient first = client(one);
			ChatClient second = client(two);
			assertThat(second.get("/api/widget/config?practice=eastside").status()).isEqualTo(404);

			Response created = first.send(HttpRequest.newBuilder(URI.create(first.base() + "/api/admin/practices"))
				.header("Authorization", AdminLogin.header())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(PracticesCreatedAtRunTimeTest.eastside("eastside", folder))))
				.build());
			assertThat(created.status()).isEqualTo(201);

			Eventually.until("the second instance serves the new practice",
					() -> second.get("/api/widget/config?practice=eastside").status() == 200);
			JsonNode reply = chat(second, "eastside", "Where can I park?").json();
			assertThat(reply.get("reply").stringValue()).contains("blue car park");
			assertThat(ChatClient.values(reply.get("citations"), "title"))
				.containsOnly("Visiting Eastside Spine Clinic");
			assertThat(chat(second, null, "Where can I park?").body()).doesNotContain("blue car park");
			Response fromItsPage = second.send(HttpRequest.newBuilder(URI.create(second.base() + "/api/widget/config"))
				.header("Origin", "https://www.eastside.example")
				.GET()
				.build());
			assertThat(fromItsPage.text("practiceName")).isEqualTo("Eastside Spine Clinic");

			String eastAdmin = AdminLogin.basic("eastside-admin", PracticesCreatedAtRunTimeTest.ADMIN_PASSWORD);
			String sample = chat(first, null, "I want to talk to a real person please").text("conversationId");
			assertThat(second.call("GET", "/api/admin/me", eastAdmin).text("practice")).isEqualTo("eastside");
			assertThat(second.call("GET", "/api/admin/conversations/" + sample, eastAdmin).status()).isEqualTo(404);
			assertThat(PracticesCreatedAtRunTimeTest.call(second, eastAdmin, "POST", "/api/admin/accounts",
					Map.of("username", "east-desk", "password", "the front desk password")).status()).isEqualTo(201);
			String desk = AdminLogin.basic("east-desk", "the front desk password");
			assertThat(first.call("GET", "/api/admin/handoffs", desk).status()).isEqualTo(200);
			assertThat(first.call("DELETE", "/api/admin/accounts/east-desk", eastAdmin).status()).isEqualTo(204);
			assertThat(second.call("GET", "/api/admin/handoffs", desk).status()).isEqualTo(401);

			Response changed = PracticesCreatedAtRunTimeTest.call(first, AdminLogin.header(), "PATCH",
					"/api/admin/practices/eastside", Map.of("profile", Map.of("name", "Eastside Spine")));
			assertThat(changed.status()).isEqualTo(200);
			Eventually.until("the second instance serves the changed practice", () -> "Eastside Spine"
				.equals(second.get("/api/widget/config?practice=eastside").text("practiceName")));

			try (ConfigurableApplicationContext three = start(postgres)) {
				assertThat(chat(client(three), "eastside", "Where can I park?").json().get("reply").stringValue())
					.contains("blue car park");
			}
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) throws IOException {
		List<String> settings = List.of("--server.port=0",
				"--frontdesk.data-dir=" + Files.createTempDirectory("frontdesk-instance"),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--frontdesk.knowledge.watch=false", "--frontdesk.retrieval.vectors.enabled=false",
				"--frontdesk.limits.rate-limiting=false", "--frontdesk.instances.heartbeat=200ms",
				"--" + AdminLogin.USERNAME_PROPERTY, "--" + AdminLogin.HASH_PROPERTY);
		return new SpringApplicationBuilder(FrontdeskApplication.class).run(settings.toArray(String[]::new));
	}

	private static ChatClient client(ConfigurableApplicationContext app) {
		return new ChatClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	private static Response chat(ChatClient client, String practice, String message) {
		return PracticesCreatedAtRunTimeTest.chat(client, practice, message);
	}

}
