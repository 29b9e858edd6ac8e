package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.channels.messaging.Fixtures;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations see: Prometheus metrics for the admin only, liveness and readiness probes (readiness includes the
 * knowledge index and the database), health details for the admin only, and JSON logs whose every line of a request
 * carries its request id, also on the virtual threads that answer a messaging webhook.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY, "frontdesk.log-format=json",
				"frontdesk.channels.telegram.enabled=true", "frontdesk.channels.telegram.bot-token=1:test",
				"frontdesk.channels.telegram.secret-token=observability-secret",
				"frontdesk.channels.telegram.api-base-url=http://localhost:1",
				"frontdesk.channels.outbound.initial-backoff=10ms", "frontdesk.channels.outbound.max-backoff=20ms" })
class ObservabilityTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		// Logging is set up once per JVM by the first application context and not again while it lives: other test
		// classes' cached contexts would keep this one's logs in text. Let this context set up its JSON logs.
		LoggingSystem.get(ObservabilityTest.class.getClassLoader()).cleanUp();
	}

	@AfterAll
	static void letTheNextContextSetUpLogging() {
		LoggingSystem.get(ObservabilityTest.class.getClassLoader()).cleanUp();
	}

	@LocalServerPort
	int port;

	@Test
	void prometheusMetricsAreForTheAdminOnly() {
		ChatClient client = new ChatClient(port);
		client.chat(null, "what are pedicle screws?");
		client.chat(null, "I lost control of my bladder");
		telegram(null, "{}");

		Response anonymous = client.get("/actuator/prometheus");
		Response scraped = admin("/actuator/prometheus");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.body())
			.contains("frontdesk_turn_duration_seconds_bucket{channel=\"web\",intent=\"answer\"")
			.contains("frontdesk_turn_duration_seconds_count{channel=\"web\",intent=\"emergency\"} 1")
			.contains("frontdesk_retrieval_top_score{covered=\"true\",ranking=\"keywords\",quantile=\"0.5\"}")
			.contains("frontdesk_retrieval_top_score{covered=\"true\",ranking=\"vectors\",quantile=\"0.5\"}")
			.contains("frontdesk_retrieval_coverage_bucket{covered=\"true\"")
			.contains("frontdesk_webhook_rejections_total{channel=\"telegram\",reason=\"unsigned\"}")
			.contains("frontdesk_outbox_backlog ")
			.contains("frontdesk_outbox_failing ");
	}

	@Test
	void readinessIncludesTheKnowledgeIndexAndTheDatabaseAndDetailsAreForTheAdmin() {
		ChatClient client = new ChatClient(port);

		Response liveness = client.get("/actuator/health/liveness");
		Response readiness = client.get("/actuator/health/readiness");
		JsonNode anonymous = client.get("/actuator/health").json();
		JsonNode detailed = admin("/actuator/health").json();

		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().get("status").stringValue()).isEqualTo("UP");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("components").propertyNames()).contains("db", "knowledgeIndex", "readinessState");
		assertThat(anonymous.get("components").get("knowledgeIndex").get("status").stringValue()).isEqualTo("UP");
		assertThat(client.get("/actuator/health").body()).doesNotContain("details", "path", "H2", "passages");
		assertThat(detailed.get("components").get("knowledgeIndex").get("details").get("passages").intValue())
			.isGreaterThan(5);
	}

	@Test
	void everyJsonLogLineOfARequestCarriesItsRequestIdAlsoOnTheThreadAnsweringAWebhook(CapturedOutput output) {
		Response rejected = telegram("req-rejected-1", "{}");
		Response accepted = telegram("req-accepted-1", Fixtures.text("telegram-update-text.json")
			.replace("\"update_id\": 10000", "\"update_id\": 7070707"));

		assertThat(rejected.status()).isEqualTo(401);
		assertThat(accepted.status()).isEqualTo(200);
		Eventually.until("the failed reply is logged", () -> logLine(output, "No reply to telegram message") != null);
		JsonNode rejection = logLine(output, "Rejected webhook");
		JsonNode failedReply = logLine(output, "No reply to telegram message");
		assertThat(rejection.get("requestId").stringValue()).isEqualTo("req-rejected-1");
		assertThat(failedReply.get("requestId").stringValue()).isEqualTo("req-accepted-1");
		assertThat(failedReply.get("process").get("thread").get("name").stringValue()).doesNotContain("http-nio");
		assertThat(failedReply.get("log").get("level").stringValue()).isEqualTo("WARN");
	}

	private static JsonNode logLine(CapturedOutput output, String message) {
		List<JsonNode> lines = Arrays.stream(output.getOut().split("\\R"))
			.filter(line -> line.startsWith("{") && line.contains(message))
			.map(JSON::readTree)
			.toList();
		return lines.isEmpty() ? null : lines.get(lines.size() - 1);
	}

	private Response telegram(String requestId, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		if (!body.equals("{}")) {
			request.header("X-Telegram-Bot-Api-Secret-Token", "observability-secret");
		}
		return new ChatClient(port).send(request.build());
	}

	private Response admin(String path) {
		return new ChatClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", AdminLogin.header())
			.build());
	}

}
