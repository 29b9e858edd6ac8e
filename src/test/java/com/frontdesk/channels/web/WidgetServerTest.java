package com.frontdesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the website widget needs from the server, over real HTTP: {@code /widget.js} with caching headers, its public
 * config, a conversation's history after a reload, and CORS only for the practice's own site origins.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "frontdesk.web.allowed-origins=https://www.mypractice.test, https://*.mypractice.test")
class WidgetServerTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SITE = "https://www.mypractice.test";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	com.frontdesk.conversation.ConversationStore conversations;

	@Test
	void aMessagingConversationIsNeverReadableFromTheBrowser() {
		String sms = conversations.create(com.frontdesk.practice.PracticeId.DEFAULT, "sms");

		ChatClient.Response response = client().get("/api/conversations/" + sms);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	final HttpClient http = HttpClient.newHttpClient();

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void widgetScriptIsServedWithCachingHeadersAndAnEtag() {
		HttpResponse<byte[]> plain = send(request("/widget.js").header("Accept-Encoding", "identity").GET());

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("max-age=3600");
		assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		String etag = plain.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
		String script = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(script).contains("attachShadow").contains("/api/chat/stream").doesNotContain("innerHTML")
			.doesNotContain("eval(");

		HttpResponse<byte[]> again = send(request("/widget.js").header("Accept-Encoding", "identity")
			.header("If-None-Match", etag).GET());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void widgetScriptIsGzippedWhenTheBrowserAcceptsIt() throws IOException {
		HttpResponse<byte[]> zipped = send(request("/widget.js").header("Accept-Encoding", "gzip, deflate, br").GET());

		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(zipped.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
		assertThat(zipped.body().length).as("gzipped widget size").isLessThan(30 * 1024);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("attachShadow");
		}
	}

	@Test
	void widgetConfigHasThePracticesPublicDetails() {
		Response response = client().get("/api/widget/config");

		assertThat(response.status()).isEqualTo(200);
		JsonNode config = response.json();
		assertThat(config.get("practiceName").stringValue()).isEqualTo("Sample Spine Practice");
		assertThat(config.get("phone").stringValue()).isEqualTo("+1-555-0100");
		assertThat(config.get("phoneUri").stringValue()).isEqualTo("tel:+15550100");
		assertThat(config.get("bookingUrl").stringValue()).isEqualTo("https://www.example.com/book");
		assertThat(config.get("emergencyNumber").stringValue()).isEqualTo("911");
		assertThat(config.get("emergencyUri").stringValue()).isEqualTo("tel:911");
		assertThat(config.get("starterQuestions")).hasSize(4);
		assertThat(config.get("maxMessageLength").intValue()).isEqualTo(2000);
	}

	@Test
	void historyHasTheTurnsAsThePatientSawThemAndNothingElse() {
		JsonNode first = client().chat(null, "Will lateral fusion leave a big scar?").json();
		String id = first.get("conversationId").stringValue();
		client().chat(id, "I'd like to book an appointment");

		Response response = client().get("/api/conversations/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode history = response.json();
		assertThat(history.propertyNames()).containsExactlyInAnyOrder("conversationId", "owner", "turns");
		assertThat(history.get("owner").stringValue()).isEqualTo("bot");
		assertThat(history.get("conversationId").stringValue()).isEqualTo(id);
		JsonNode turns = history.get("turns");
		assertThat(turns).hasSize(2);
		JsonNode scar = turns.get(0);
		assertThat(scar.propertyNames()).containsExactlyInAnyOrder("question", "reply", "intent", "citations",
				"actions", "time", "author", "replyId");
		assertThat(scar.get("author").stringValue()).isEqualTo("assistant");
		assertThat(scar.get("replyId").stringValue()).isEqualTo(first.get("replyId").stringValue());
		assertThat(scar.get("question").stringValue()).isEqualTo("Will lateral fusion leave a big scar?");
		assertThat(scar.get("reply").stringValue()).isEqualTo(first.get("reply").stringValue());
		assertThat(scar.get("intent").stringValue()).isEqualTo("answer");
		assertThat(scar.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		assertThat(scar.get("time").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(turns.get(1).get("intent").stringValue()).isEqualTo("booking");
		assertThat(turns.get(1).get("actions").get(0).get("url").stringValue()).isEqualTo("https://www.example.com/book");
		assertThat(response.body()).doesNotContain("topic");
	}

	@Test
	void historyOfAnUnknownConversationIsANotFoundProblem() {
		for (String id : new String[] { "00000000-0000-0000-0000-000000000000", "nope", "x".repeat(200),
				"%27%20or%201%3D1--" }) {
			Response response = client().get("/api/conversations/" + id);

			assertThat(response.status()).as(id).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text("type")).isEqualTo("urn:frontdesk:problem:conversation-not-found");
		}
	}

	@Test
	void thePracticesSitesMayCallTheApiFromABrowser() {
		HttpResponse<byte[]> preflight = send(request("/api/chat/stream").header("Origin", SITE)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		HttpResponse<byte[]> config = send(request("/api/widget/config").header("Origin", "https://book.mypractice.test").GET());
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://book.mypractice.test");
	}

	@Test
	void otherOriginsAreRefused() {
		HttpResponse<byte[]> preflight = send(request("/api/chat/stream").header("Origin", "https://evil.test")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<byte[]> chat = send(request("/api/chat").header("Origin", "https://evil.test")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello\"}")));
		assertThat(chat.statusCode()).isEqualTo(403);

		HttpResponse<byte[]> admin = send(request("/api/admin/knowledge").header("Origin", SITE)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(admin.statusCode()).as("no bearer tokens across origins").isEqualTo(403);

		for (HttpResponse<byte[]> refused : List.of(preflight, chat, admin)) {
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(refused.body());
			assertThat(problem.get("status").intValue()).isEqualTo(403);
			assertThat(problem.get("type").stringValue()).isEqualTo("urn:frontdesk:problem:cross-origin-request");
			assertThat(problem.get("requestId").stringValue())
				.isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
			assertThat(new String(refused.body(), StandardCharsets.UTF_8))
				.doesNotContain("Invalid CORS request");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
