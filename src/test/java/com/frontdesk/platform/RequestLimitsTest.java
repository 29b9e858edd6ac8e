package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public endpoints are bounded: requests per client address and per conversation (429 with Retry-After), body
 * sizes (413) and conversation length. The test client stands behind a trusted proxy (the loopback address), so each
 * test speaks for patients at addresses of its own with {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.limits.rate-limiting=true", "frontdesk.limits.trusted-proxies=127.0.0.1, ::1",
				"frontdesk.limits.endpoints.chat.per-client=5/1h", "frontdesk.limits.endpoints.chat.per-conversation=10/1h",
				"frontdesk.limits.endpoints.webhooks.per-client=3/1h",
				"frontdesk.limits.endpoints.callbacks.per-client=2/1h", "frontdesk.limits.max-turns=4",
				AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class RequestLimitsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aClientSendingTooManyMessagesIsAskedToWaitWithRetryAfter() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(chat("203.0.113.10", null, "what are pedicle screws?").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = chat("203.0.113.10", null, "what are pedicle screws?");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 3600L);
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:frontdesk:problem:rate-limited");
		assertThat(problem.get("retryAfter").longValue()).isEqualTo(retryAfter);
		assertThat(problem.get("detail").stringValue()).contains("Please wait").contains("+1-555-0100");
		assertThat(problem.get("requestId").stringValue()).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(chat("203.0.113.11", null, "what are pedicle screws?").statusCode())
			.as("another patient is not affected").isEqualTo(200);
	}

	@Test
	void oneConversationIsLimitedWhicheverAddressItComesFrom() throws Exception {
		String id = JSON.readTree(chat("198.51.100.1", null, "what are pedicle screws?").body())
			.get("conversationId").stringValue();
		for (int i = 0; i < 10; i++) {
			assertThat(chat("198.51.100." + (10 + i), id, "and the scars?").statusCode()).as("answered or too long")
				.isIn(200, 409);
		}

		HttpResponse<String> refused = chat("198.51.100.50", id, "and the scars?");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(chat("198.51.100.50", null, "and the scars?").statusCode()).as("a new conversation").isEqualTo(200);
	}

	@Test
	void theStreamingChatSharesTheChatLimits() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(post("192.0.2.77", "/api/chat/stream", "{\"message\": \"hello\"}").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = post("192.0.2.77", "/api/chat", "{\"message\": \"hello\"}");
		assertThat(refused.statusCode()).isEqualTo(429);
	}

	@Test
	void anIpv6ClientIsCountedByItsNetwork() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(chat("2001:db8:aa:1::" + (i + 1), null, "hello").statusCode()).isEqualTo(200);
		}
		assertThat(chat("2001:db8:aa:1:ffff::9", null, "hello").statusCode()).isEqualTo(429);
		assertThat(chat("2001:db8:aa:2::1", null, "hello").statusCode()).isEqualTo(200);
	}

	@Test
	void webhooksAreCountedPerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(post("192.0.2.5", "/webhooks/telegram", "{}").statusCode()).isIn(401, 403, 404);
		}
		assertThat(post("192.0.2.5", "/webhooks/telegram", "{}").statusCode()).isEqualTo(429);
		assertThat(post("192.0.2.6", "/webhooks/telegram", "{}").statusCode()).isIn(401, 403, 404);
	}

	@Test
	void theAdminIsNotCountedPerAddressSignInsAreThrottledInstead() throws Exception {
		for (int i = 0; i < 61; i++) {
			assertThat(admin("192.0.2.8", AdminLogin.header()).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void openingTheCallbackFormIsNotCountedOnlySendingIt() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(http.send(request("203.0.113.40", "/api/callbacks/form").GET().build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		assertThat(post("203.0.113.40", "/api/callbacks", "{}").statusCode()).isEqualTo(400);
		assertThat(post("203.0.113.40", "/api/callbacks", "{}").statusCode()).isEqualTo(400);

		assertThat(post("203.0.113.40", "/api/callbacks", "{}").statusCode()).isEqualTo(429);
	}

	@Test
	void aChatBodyLargerThanTheLimitIsRefusedWith413() throws Exception {
		String huge = "{\"message\": \"" + "a".repeat(20_000) + "\"}";

		HttpResponse<String> declared = post("192.0.2.20", "/api/chat", huge);
		HttpResponse<String> chunked = http.send(request("192.0.2.21", "/api/chat")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
			.build(), HttpResponse.BodyHandlers.ofString());

		for (HttpResponse<String> response : new HttpResponse[] { declared, chunked }) {
			assertThat(response.statusCode()).isEqualTo(413);
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("type").stringValue()).isEqualTo("urn:frontdesk:problem:body-too-large");
			assertThat(problem.get("maxBytes").intValue()).isEqualTo(16 * 1024);
		}
	}

	@Test
	void webhooksMayBeLargerThanChatsButNotUnbounded() throws Exception {
		byte[] megabyte = new byte[1024 * 1024 + 1];
		Arrays.fill(megabyte, (byte) 'a');
		String large = "{\"update_id\": 1, \"padding\": \"" + "a".repeat(100_000) + "\"}";

		assertThat(post("192.0.2.30", "/webhooks/telegram", large).statusCode()).as("100 KB is fine").isIn(401, 403, 404);
		HttpResponse<String> refused = http.send(request("192.0.2.31", "/webhooks/telegram")
			.POST(HttpRequest.BodyPublishers.ofByteArray(megabyte))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(413);
	}

	@Test
	void aLongConversationAsksThePatientToStartANewOneButStillAnswersAnEmergency() throws Exception {
		String id = JSON.readTree(chat("192.0.2.100", null, "what are pedicle screws?").body())
			.get("conversationId").stringValue();
		for (int i = 0; i < 3; i++) {
			assertThat(chat("192.0.2.10" + (i + 1), id, "and the scars?").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> full = chat("192.0.2.110", id, "how long is the stay?");
		HttpResponse<String> streamed = post("192.0.2.111", "/api/chat/stream",
				"{\"conversationId\": \"" + id + "\", \"message\": \"how long is the stay?\"}");
		HttpResponse<String> emergency = chat("192.0.2.112", id, "I suddenly lost control of my bladder");

		for (HttpResponse<String> refused : List.of(full, streamed)) {
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(refused.body());
			assertThat(problem.get("type").stringValue()).isEqualTo("urn:frontdesk:problem:conversation-too-long");
			assertThat(problem.get("detail").stringValue()).contains("start a new conversation").contains("+1-555-0100");
			assertThat(problem.get("maxTurns").intValue()).isEqualTo(4);
		}
		assertThat(emergency.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(emergency.body()).get("intent").stringValue()).isEqualTo("emergency");
		assertThat(chat("192.0.2.113", null, "how long is the stay?").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> chat(String address, String conversationId, String message) throws Exception {
		return post(address, "/api/chat", JSON.writeValueAsString(java.util.Collections
			.singletonMap("message", message)).replace("{", conversationId == null ? "{"
					: "{\"conversationId\": \"" + conversationId + "\", "));
	}

	private HttpResponse<String> post(String address, String path, String body) throws Exception {
		return http.send(request(address, path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> admin(String address, String authorization) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/knowledge"))
			.header("X-Forwarded-For", address)
			.header("Authorization", authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String address, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "198.18.0.1, " + address);
	}

}
