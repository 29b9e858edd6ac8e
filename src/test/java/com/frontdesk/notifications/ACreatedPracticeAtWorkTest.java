package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A practice created while the deployment runs is at work at once like one of settings: its patients' callback
 * requests reach the deployment's webhook (it has no targets of its own), naming it, and a page added to its folder
 * is answered from without a re-index (its folder is watched).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.knowledge.watch=true", "frontdesk.knowledge.watch-debounce=100ms",
		"frontdesk.notifications.poll-interval=50ms" })
class ACreatedPracticeAtWorkTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final PracticeWebhook deployment = new PracticeWebhook();

	@DynamicPropertySource
	static void deploymentsWebhook(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.notifications.webhook.url", deployment::url);
		settings.add("frontdesk.notifications.webhook.secret", () -> PracticeWebhook.SECRET);
	}

	@AfterAll
	static void stop() {
		deployment.close();
	}

	@LocalServerPort
	int port;

	@Test
	void itsCallbacksReachTheDeploymentsTargetsAndItsFolderIsWatched() throws IOException {
		ChatClient client = new ChatClient(port);
		Path folder = Path.of(KnowledgeFolders.withPage(KnowledgeFolders.NORTHSIDE_PARKING));
		Map<String, Object> profile = Map.of("name", "Westside Spine", "phone", "+1-555-0155", "bookingUrl",
				"https://westside.example/book", "website", "https://westside.example", "address", "1 West Road");
		Map<String, Object> practice = Map.of("id", "westside", "profile", profile, "knowledgeDir", folder.toString(),
				"admin", Map.of("username", "west-admin", "password", "a long westside password"));
		Response created = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/practices"))
			.header("Authorization", AdminLogin.header())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(practice)))
			.build());
		assertThat(created.status()).isEqualTo(201);

		String conversation = chat(client, "hello").text("conversationId");
		Map<String, Object> callback = new LinkedHashMap<>();
		callback.put("practice", "westside");
		callback.put("conversationId", conversation);
		callback.put("name", "Wes West");
		callback.put("phone", "617 555 0142");
		callback.put("consent", true);
		callback.put("consentVersion", client.get("/api/callbacks/form?practice=westside").text("consentVersion"));
		Response asked = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(callback)))
			.build());
		assertThat(asked.status()).isEqualTo(201);
		Eventually.until("the deployment's webhook has the notice", () -> deployment.received().size() == 1);
		LoggedRequest notice = deployment.received().get(0);
		assertThat(deployment.signedByItsSecret(notice)).isTrue();
		assertThat(deployment.json(notice).at("/fields/practice").stringValue()).isEqualTo("westside");
		assertThat(deployment.json(notice).at("/fields/callbackId").stringValue()).isEqualTo(asked.text("id"));

		assertThat(chat(client, "Is there wheelchair access?").text("intent")).isEqualTo("not_covered");
		Files.writeString(folder.resolve("access.md"), """
				# Access at Westside

				## Wheelchair access
				Every entrance of the Westside clinic has wheelchair access and ramps.
				""");
		Eventually.until("its new page is answered from", () -> {
			JsonNode reply = chat(client, "Is there wheelchair access?").json();
			return reply.get("intent").stringValue().equals("answer")
					&& reply.get("reply").stringValue().contains("ramps");
		});
	}

	private static Response chat(ChatClient client, String message) {
		return client.post("/api/chat", JSON.writeValueAsString(Map.of("message", message, "practice", "westside")),
				"application/json");
	}

}
