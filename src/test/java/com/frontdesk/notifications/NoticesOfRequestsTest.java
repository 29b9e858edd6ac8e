package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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
 * acknowledged (the patient gets a problem, and neither the request nor its notice is kept).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
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
	void aCallbackRequestWhoseNoticeCannotBeStoredIsNotAcknowledged() {
		String conversation = chat(null, "please call me back").text("conversationId");
		Map<String, Object> request = callback(conversation, "Otto Outage", "(650) 555-0122");
		Response refused;
		refuseNoticesAbout(conversation);
		try {
			refused = submit(request, "outage-" + conversation);
		}
		finally {
			acceptNoticesAgain();
		}

		assertThat(refused.status()).as(refused.body()).isGreaterThanOrEqualTo(500);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).doesNotContain("Otto").doesNotContain("Exception").doesNotContain("received");
		assertThat(requestsFor("+16505550122")).as("the request is not kept without its notice").isZero();
		assertThat(notices(conversation)).isEmpty();

		Response retried = submit(request, "outage-" + conversation);
		assertThat(retried.status()).as("sent again, it is a new request: nothing was half-written").isEqualTo(201);
		assertThat(requestsFor("+16505550122")).isEqualTo(1);
		assertThat(notices(conversation)).singleElement()
			.satisfies(notice -> assertThat(notice).containsEntry("reference", retried.text("id")));
	}

	@Test
	void aHandoffWhoseNoticeCannotBeStoredIsNotAcknowledged() {
		String conversation = chat(null, "hello").text("conversationId");
		Response refused;
		refuseNoticesAbout(conversation);
		try {
			refused = client().post("/api/chat", JSON.writeValueAsString(Map.of("conversationId", conversation,
					"message", "I want to talk to a person please", "practice", "northside")), "application/json");
		}
		finally {
			acceptNoticesAgain();
		}

		assertThat(refused.status()).as(refused.body()).isGreaterThanOrEqualTo(500);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(owner(conversation)).as("the conversation is not waiting for staff nobody was told of").isEqualTo("bot");
		assertThat(notices(conversation)).isEmpty();

		chat(conversation, "I want to talk to a person please");
		assertThat(owner(conversation)).isEqualTo("waiting_for_staff");
		assertThat(notices(conversation)).singleElement()
			.satisfies(notice -> assertThat(notice).containsEntry("type", "handoff_requested"));
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
		return client().send(HttpRequest.newBuilder(URI.create(client().base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
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
