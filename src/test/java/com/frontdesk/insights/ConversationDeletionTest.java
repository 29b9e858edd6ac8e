package com.frontdesk.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.channels.messaging.Fixtures;
import com.frontdesk.channels.messaging.MessageRows;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A patient asks the practice to delete their data: {@code DELETE /api/admin/conversations/{id}} removes everything
 * of that conversation (turns, feedback, callback requests, handoffs, a messaging sender's stored messages and link)
 * and nothing of anybody else's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class ConversationDeletionTest {

	static final String SECRET = "deletion-test-secret";

	static final WireMockServer telegram = new WireMockServer(options().dynamicPort());

	static final AtomicLong ids = new AtomicLong(70000);

	static {
		telegram.start();
		telegram.stubFor(post("/bot123456:TEST-token/sendMessage")
			.willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.channels.telegram.enabled", () -> "true");
		registry.add("frontdesk.channels.telegram.bot-token", () -> "123456:TEST-token");
		registry.add("frontdesk.channels.telegram.secret-token", () -> SECRET);
		registry.add("frontdesk.channels.telegram.api-base-url", telegram::baseUrl);
	}

	@AfterAll
	static void stop() {
		telegram.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void deletesAWebsiteConversationWithItsFeedbackAndCallbackRequestsAndNothingElse() {
		Patient leaving = websitePatientWithEverything();
		Patient staying = websitePatientWithEverything();
		String gone = leaving.conversationId();

		Response deleted = new Admin(port).delete("/api/admin/conversations/" + gone);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(new Admin(port).get("/api/admin/conversations/" + gone).status()).isEqualTo(404);
		assertThat(new ChatClient(port).get("/api/conversations/" + gone).status()).as("the widget's history").isEqualTo(404);
		assertThat(new ChatClient(port).chat(gone, "What is lateral fusion?").status()).isEqualTo(404);
		assertThat(rowsOf(gone)).isEqualTo(new Rows(0, 0, 0, 0, 0));
		assertThat(rowsOf(staying.conversationId())).isEqualTo(new Rows(1, 2, 1, 1, 1));
		assertThat(new Admin(port).get("/api/admin/conversations/" + staying.conversationId()).json().get("turns"))
			.hasSize(2);
	}

	@Test
	void deletingAgainOrAnUnknownConversationIsNotFound() {
		Patient patient = websitePatientWithEverything();
		Admin admin = new Admin(port);

		assertThat(admin.delete("/api/admin/conversations/" + patient.conversationId()).status()).isEqualTo(204);
		Response again = admin.delete("/api/admin/conversations/" + patient.conversationId());
		Response unknown = admin.delete("/api/admin/conversations/" + UUID.randomUUID());

		for (Response response : new Response[] { again, unknown }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text("type")).isEqualTo("urn:frontdesk:problem:conversation-not-found");
		}
	}

	@Test
	void deletesAConversationThatAskedForAPersonWithItsHandoff() {
		Patient leaving = new Patient(port);
		leaving.asks("What is lateral fusion?");
		leaving.asks("talk to a person");
		Patient staying = new Patient(port);
		staying.asks("talk to a person");
		assertThat(openHandoffs()).contains(leaving.conversationId(), staying.conversationId());

		assertThat(new Admin(port).delete("/api/admin/conversations/" + leaving.conversationId()).status()).isEqualTo(204);

		assertThat(openHandoffs()).as("the staff's handoff list").contains(staying.conversationId())
			.doesNotContain(leaving.conversationId());
		assertThat(rowsOf(leaving.conversationId())).isEqualTo(new Rows(0, 0, 0, 0, 0));
		assertThat(count("select count(*) from practice_notice where type = 'handoff_requested' and conversation_id = ?",
				staying.conversationId())).as("the other patient's handoff notice").isEqualTo(1);
	}

	@Test
	void deletesAMessagingConversationWithTheSendersMessagesAndLink() {
		long leaving = ids.incrementAndGet();
		long staying = ids.incrementAndGet();
		String conversation = textOnTelegram(leaving, "What is lateral fusion?", "Will it leave a big scar?");
		String other = textOnTelegram(staying, "What are pedicle screws?");

		assertThat(new Admin(port).delete("/api/admin/conversations/" + conversation).status()).isEqualTo(204);

		assertThat(messagesOf(leaving)).isZero();
		assertThat(contactsOf(leaving)).isZero();
		assertThat(rowsOf(conversation)).isEqualTo(new Rows(0, 0, 0, 0, 0));
		assertThat(messagesOf(staying)).isEqualTo(1);
		assertThat(contactsOf(staying)).isEqualTo(1);
		assertThat(rowsOf(other).turns()).isEqualTo(1);
	}

	@Test
	void aSenderWhoOptedOutStaysOptedOutWithoutTheLink() {
		long sender = ids.incrementAndGet();
		String conversation = textOnTelegram(sender, "What is lateral fusion?");
		jdbc.sql("update channel_contact set opted_out_at = ? where channel = 'telegram' and sender = ?")
			.params(OffsetDateTime.now(), String.valueOf(sender))
			.update();

		assertThat(new Admin(port).delete("/api/admin/conversations/" + conversation).status()).isEqualTo(204);

		assertThat(messagesOf(sender)).isZero();
		assertThat(jdbc.sql("select count(*) from channel_contact where channel = 'telegram' and sender = ? "
				+ "and opted_out_at is not null and conversation_id is null")
			.param(String.valueOf(sender))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** A website patient with two replies, a thumbs up, and a callback request. */
	private Patient websitePatientWithEverything() {
		Patient patient = new Patient(port);
		patient.asks("What is lateral fusion?");
		patient.rates("up", "clear, thanks");
		patient.asks("I'd like to book a consultation");
		ChatClient client = new ChatClient(port);
		String consent = client.get("/api/callbacks/form").json().get("consentVersion").stringValue();
		Response left = client.post("/api/callbacks", "{\"conversationId\": \"" + patient.conversationId()
				+ "\", \"name\": \"Robin Vale\", \"phone\": \"+1 202 555 0188\", \"preferredTime\": \"any\", "
				+ "\"consent\": true, \"consentVersion\": \"" + consent + "\"}", "application/json");
		assertThat(left.status()).isEqualTo(201);
		return patient;
	}

	/** Sends the messages from one Telegram chat, waits until each is answered, and returns its conversation. */
	private String textOnTelegram(long chat, String... messages) {
		MessageRows rows = new MessageRows(jdbc);
		for (String message : messages) {
			long updateId = ids.incrementAndGet();
			byte[] update = Fixtures.text("telegram-update-text.json")
				.replace("\"update_id\": 10000", "\"update_id\": " + updateId)
				.replace("\"id\": 1111111", "\"id\": " + chat)
				.replace("\"text\": \"/start\"", "\"text\": " + json.writeValueAsString(message))
				.getBytes(StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
				.header("Content-Type", "application/json")
				.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
				.POST(HttpRequest.BodyPublishers.ofByteArray(update))
				.build();
			assertThat(new ChatClient(port).send(request).status()).isEqualTo(200);
			assertThat(rows.finalStatus("telegram", String.valueOf(updateId))).isEqualTo("answered");
		}
		return jdbc.sql("select conversation_id from channel_contact where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(String.class)
			.single();
	}

	private List<String> openHandoffs() {
		List<String> ids = new ArrayList<>();
		new Admin(port).get("/api/admin/handoffs").json().forEach(row -> ids.add(row.get("conversationId").stringValue()));
		return ids;
	}

	private int messagesOf(long chat) {
		return jdbc.sql("select count(*) from channel_message where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(Integer.class)
			.single();
	}

	private int contactsOf(long chat) {
		return jdbc.sql("select count(*) from channel_contact where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(Integer.class)
			.single();
	}

	private Rows rowsOf(String conversationId) {
		return new Rows(count("select count(*) from conversation where id = ?", conversationId),
				count("select count(*) from turn where conversation_id = ?", conversationId),
				count("select count(*) from reply_feedback where conversation_id = ?", conversationId),
				count("select count(*) from callback_request where conversation_id = ?", conversationId),
				count("select count(*) from practice_notice where conversation_id = ?", conversationId));
	}

	private int count(String sql, String conversationId) {
		return jdbc.sql(sql).param(conversationId).query(Integer.class).single();
	}

	/** What the database keeps of a conversation. */
	record Rows(int conversations, int turns, int feedback, int callbackRequests, int practiceNotices) {
	}

}
