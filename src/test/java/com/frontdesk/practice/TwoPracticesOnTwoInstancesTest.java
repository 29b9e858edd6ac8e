package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.FrontdeskApplication;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two practices on two instances behind a load balancer, sharing one PostgreSQL: a patient's conversation goes on
 * whichever instance answers, but only as the practice it belongs to; each practice's staff see its conversations and
 * callbacks from either instance, and never the other practice's.
 */
class TwoPracticesOnTwoInstancesTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String NORTH_ADMIN = AdminLogin.basic("north-admin", AdminLogin.PASSWORD);

	static final String OPERATOR = AdminLogin.header();

	@Test
	void eachPracticeIsItsOwnOnEitherInstance() throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ConfigurableApplicationContext one = start(postgres);
				ConfigurableApplicationContext two = start(postgres)) {
			ChatClient first = client(one);
			ChatClient second = client(two);

			JsonNode started = chat(first, "northside", null, "What number can I call?").json();
			String conversation = started.get("conversationId").stringValue();
			Response continued = chat(second, "northside", conversation, "And are you open today?");
			Response asTheOtherPractice = chat(second, null, conversation, "And are you open today?");

			assertThat(started.get("reply").stringValue()).contains("+1-555-0199");
			assertThat(continued.status()).isEqualTo(200);
			assertThat(continued.text("conversationId")).isEqualTo(conversation);
			assertThat(asTheOtherPractice.status()).isEqualTo(404);

			String callback = callback(first, "northside", conversation);
			assertThat(ids(second.call("GET", "/api/admin/conversations", NORTH_ADMIN).json().get("items")))
				.contains(conversation);
			assertThat(ids(second.call("GET", "/api/admin/conversations", OPERATOR).json().get("items")))
				.doesNotContain(conversation);
			assertThat(second.call("GET", "/api/admin/conversations/" + conversation, NORTH_ADMIN).status())
				.isEqualTo(200);
			assertThat(first.call("GET", "/api/admin/conversations/" + conversation, OPERATOR).status())
				.isEqualTo(404);
			assertThat(ids(second.call("GET", "/api/admin/callbacks", NORTH_ADMIN).json())).contains(callback);
			assertThat(ids(first.call("GET", "/api/admin/callbacks", OPERATOR).json())).doesNotContain(callback);
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) throws IOException {
		String northside = KnowledgeFolders.northside();
		List<String> settings = new ArrayList<>(List.of("--server.port=0",
				"--frontdesk.data-dir=" + Files.createTempDirectory("frontdesk-instance"),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--frontdesk.knowledge.watch=false", "--frontdesk.retrieval.vectors.enabled=false",
				"--frontdesk.limits.rate-limiting=false", "--" + AdminLogin.USERNAME_PROPERTY,
				"--" + AdminLogin.HASH_PROPERTY));
		settings.addAll(List.of("--frontdesk.practices[0].id=northside",
				"--frontdesk.practices[0].knowledge-dir=" + northside,
				"--frontdesk.practices[0].profile.name=Northside Spine Center",
				"--frontdesk.practices[0].profile.phone=+1-555-0199",
				"--frontdesk.admin.accounts[0].username=north-admin",
				"--frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
				"--frontdesk.admin.accounts[0].practice=northside"));
		return new SpringApplicationBuilder(FrontdeskApplication.class).run(settings.toArray(String[]::new));
	}

	private static ChatClient client(ConfigurableApplicationContext app) {
		return new ChatClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	private static Response chat(ChatClient client, String practice, String conversationId, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversationId);
		body.put("message", message);
		body.put("practice", practice);
		return client.post("/api/chat", JSON.writeValueAsString(body), "application/json");
	}

	private static String callback(ChatClient client, String practice, String conversationId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("practice", practice);
		body.put("conversationId", conversationId);
		body.put("name", "Ada North");
		body.put("phone", "617 555 0142");
		body.put("consent", true);
		body.put("consentVersion", client.get("/api/callbacks/form?practice=" + practice).text("consentVersion"));
		Response created = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
		assertThat(created.status()).isEqualTo(201);
		return created.text("id");
	}

	private static List<String> ids(JsonNode items) {
		return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").stringValue()).toList();
	}

}
