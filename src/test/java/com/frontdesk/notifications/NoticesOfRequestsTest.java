package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practice hears of what its patients ask of it because the outbox listens: a patient asking for a person and a
 * patient asking to be called back each leave exactly one notice, for their own practice, over real HTTP on a
 * deployment with two practices; and a callback request or a handoff whose notice cannot be stored is not
 * acknowledged: the patient gets a 503 problem with {@code Retry-After}, neither the request nor its notice is kept,
 * and what the patient sent is neither in the problem nor in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NoticesOfRequestsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final PracticeId NORTHSIDE = PracticeId.parse("northside");

	@DynamicPropertySource
	static void twoPractices(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CallbackRequests callbacks;

	@Test
	void aPatientAskingForAPersonLeavesOneNoticeForTheirPractice() {
		String conversation = chat(null, "I want to talk to a person please").text("conversationId");
		chat(conversation, "a person, please");

		assertThat(notices(conversation)).as("one notice, however often the patient asks while waiting")
			.singleElement()
			.satisfies(notice -> {
				assertThat(notice).containsEntry("practice_id", "northside")
					.containsEntry("type", "handoff_requested")
					.containsEntry("channel", "web");
				JsonNode payload = JSON.readTree(notice.get("payload"));
				assertThat(payload.at("/fields/Conversation").stringValue()).isEqualTo(conversation);
				assertThat(payload.at("/fields/Channel").stringValue()).isEqualTo("web");
			});
	}

	@Test
	void aPatientAskingToBeCalledBackLeavesOneNoticeForTheirPractice() {
		String conversation = chat(null, "please call me back").text("conversationId");

		Response received = submit(callback(conversation, "Nora North", "(650) 555-0111"), "north-" + conversation);
		submit(callback(conversation, "Nora North", "(650) 555-0111"), "north-" + conversation);

		assertThat(received.status()).as(received.body()).isEqualTo(201);
		assertThat(notices(conversation)).as("one notice, the repeat merged into the request")
			.singleElement()
			.satisfies(notice -> {
				assertThat(notice).containsEntry("practice_id", "northside")
					.containsEntry("type", "callback_request")
					.containsEntry("reference", received.text("id"))
					.containsEntry("channel", "web");
				JsonNode payload = JSON.readTree(notice.get("payload"));
				assertThat(payload.at("/fields/practice").stringValue()).isEqualTo("northside");
				assertThat(payload.at("/fields/name").stringValue()).isEqualTo("Nora North");
				assertThat(payload.at("/fields/phone").stringValue()).isEqualTo("+16505550111");
			});
	}

	@Test
	void aCallbackRequestWhoseNoticeCannotBeStoredIsNotAcknowledged(CapturedOutput log) {
		String conversation = chat(null, "please call me back").text("conversationId");
		Map<String, Object> request = callback(conversation, "Otto Outage", "(650) 555-0122");
		HttpResponse<String> refused;
		refuseNoticesAbout(conversation);
		try {
			refused = raw(callbackRequest(request, "outage-" + conversation));
		}
		finally {
			acceptNoticesAgain();
		}

		assertTryAgainLater(refused);
		assertThat(refused.body()).doesNotContain("Otto").doesNotContain("Exception").doesNotContain("received");
		assertThat(log.getAll()).as("the log says what failed, not what the patient sent")
			.contains("could not be stored")
			.doesNotContain("Otto Outage")
			.doesNotContain("555-0122")
			.doesNotContain("A question about my appointment");
		assertThat(requestsFor("+16505550122")).as("the request is not kept without its notice").isZero();
		assertThat(notices(conversation)).isEmpty();

		Response retried = submit(request, "outage-" + conversation);
		assertThat(retried.status()).as("sent again, it is a new request: nothing was half-written").isEqualTo(201);
		assertThat(requestsFor("+16505550122")).isEqualTo(1);
		assertThat(notices(conversation)).singleElement()
			.satisfies(notice -> assertThat(notice).containsEntry("reference", retried.text("id")));
	}

	@Test
	void aHandoffWhoseNoticeCannotBeStoredIsNotAcknowledged(CapturedOutput log) {
		String conversation = chat(null, "hello").text("conversationId");
		HttpResponse<String> refused;
		refuseNoticesAbout(conversation);
		try {
			refused = raw(HttpRequest.newBuilder(URI.create(client().base() + "/api/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("conversationId",
						conversation, "message", "I want to talk to a person please", "practice", "northside"))))
				.build());
		}
		finally {
			acceptNoticesAgain();
		}

		assertTryAgainLater(refused);
		assertThat(refused.body()).doesNotContain("person").doesNotContain("Exception");
		assertThat(log.getAll()).contains("could not be stored").doesNotContain("I want to talk to a person please");
		assertThat(owner(conversation)).as("the conversation is not waiting for staff nobody was told of").isEqualTo("bot");
		assertThat(notices(conversation)).isEmpty();

		chat(conversation, "I want to talk to a person please");
		assertThat(owner(conversation)).isEqualTo("waiting_for_staff");
		assertThat(notices(conversation)).singleElement()
			.satisfies(notice -> assertThat(notice).containsEntry("type", "handoff_requested"));
	}

	@Test
	void aStreamedHandoffWhoseNoticeCannotBeStoredEndsAskingToSendItAgain() {
		String conversation = chat(null, "hello").text("conversationId");
		Response refused;
		refuseNoticesAbout(conversation);
		try {
			refused = client().post("/api/chat/stream", JSON.writeValueAsString(Map.of("conversationId", conversation,
					"message", "I want to talk to a person please", "practice", "northside")), "application/json");
		}
		finally {
			acceptNoticesAgain();
		}

		assertThat(refused.body()).doesNotContain("event:done");
		JsonNode problem = JSON.readTree(Arrays.stream(refused.body().split("\n\n"))
			.filter(event -> event.contains("event:error"))
			.flatMap(String::lines)
			.filter(line -> line.startsWith("data:"))
			.map(line -> line.substring("data:".length()))
			.findFirst()
			.orElseThrow());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("retryAfter").asInt()).isEqualTo(5);
		assertThat(problem.get("detail").asString()).contains("nothing was saved");
		assertThat(owner(conversation)).isEqualTo("bot");
		assertThat(notices(conversation)).isEmpty();
	}

	/** A 503 problem that asks the patient to send the request again in a few seconds: nothing of it was kept. */
	private static void assertTryAgainLater(HttpResponse<String> refused) {
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).get(InstanceOfAssertFactories.STRING)
			.startsWith("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).contains("5");
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("retryAfter").asInt()).isEqualTo(5);
		assertThat(problem.get("detail").asString()).contains("nothing was saved").contains("send it again");
	}

	private static HttpResponse<String> raw(HttpRequest request) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The database refuses to store notices about this conversation (as it would any write it cannot make). */
	private void refuseNoticesAbout(String conversationId) {
		jdbc.sql("alter table practice_notice add constraint refused_notices check (conversation_id <> '"
				+ conversationId + "')").update();
	}

	private void acceptNoticesAgain() {
		jdbc.sql("alter table practice_notice drop constraint refused_notices").update();
	}

	private String owner(String conversationId) {
		return jdbc.sql("select owner from conversation where id = ?").param(conversationId).query(String.class).single();
	}

	private Response chat(String conversationId, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversationId);
		body.put("message", message);
		body.put("practice", "northside");
		Response reply = client().post("/api/chat", JSON.writeValueAsString(body), "application/json");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	private Map<String, Object> callback(String conversation, String name, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("practice", "northside");
		body.put("conversationId", conversation);
		body.put("name", name);
		body.put("phone", phone);
		body.put("preferredTime", "morning");
		body.put("reason", "A question about my appointment");
		body.put("consent", true);
		body.put("consentVersion", callbacks.consentWording(NORTHSIDE).version());
		return body;
	}

	private Response submit(Map<String, Object> body, String idempotencyKey) {
		return client().send(callbackRequest(body, idempotencyKey));
	}

	private HttpRequest callbackRequest(Map<String, Object> body, String idempotencyKey) {
		return HttpRequest.newBuilder(URI.create(client().base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

	/** The notices about a conversation, each column as text. */
	private List<Map<String, String>> notices(String conversationId) {
		return jdbc.sql("select practice_id, type, reference, channel, payload from practice_notice "
				+ "where conversation_id = ? order by id")
			.param(conversationId)
			.query((row, n) -> {
				Map<String, String> notice = new LinkedHashMap<>();
				for (String column : List.of("practice_id", "type", "reference", "channel", "payload")) {
					notice.put(column, row.getString(column));
				}
				return notice;
			})
			.list();
	}

	private int requestsFor(String phone) {
		return jdbc.sql("select count(*) from callback_request where phone = ?").param(phone).query(Integer.class).single();
	}

	private ChatClient client() {
		return new ChatClient(port);
	}

}
