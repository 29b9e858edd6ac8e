package com.frontdesk.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.channels.messaging.Fixtures;
import com.frontdesk.channels.messaging.MessageRows;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.StaffDesk;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.CountMatchingStrategy;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A patient on Telegram, over real HTTP: signed updates in, {@code sendMessage} to a WireMock Bot API out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class TelegramWebhookTest {

	static final String SECRET = "test-secret_token-123";

	static final String SEND_MESSAGE = "/bot123456:TEST-token/sendMessage";

	static final WireMockServer telegram = new WireMockServer(options().dynamicPort());

	static final AtomicLong ids = new AtomicLong(20000);

	static {
		telegram.start();
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.channels.telegram.enabled", () -> "true");
		registry.add("frontdesk.channels.telegram.bot-token", () -> "123456:TEST-token");
		registry.add("frontdesk.channels.telegram.secret-token", () -> SECRET);
		registry.add("frontdesk.channels.telegram.api-base-url", telegram::baseUrl);
		registry.add("frontdesk.channels.outbound.initial-backoff", () -> "10ms");
		registry.add("frontdesk.channels.outbound.max-backoff", () -> "50ms");
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

	MessageRows rows;

	@BeforeEach
	void stubBotApi() {
		rows = new MessageRows(jdbc);
		telegram.resetAll();
		telegram.stubFor(post(SEND_MESSAGE).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
	}

	@Test
	void greetsAPatientWhoStartsTheBotWithTheExactSendMessageRequest() {
		Response response = deliver(Fixtures.bytes("telegram-update-text.json"), SECRET);

		assertThat(response.status()).isEqualTo(200);
		assertThat(rows.finalStatus("telegram", "10000")).isEqualTo("answered");
		telegram.verify(postRequestedFor(urlEqualTo(SEND_MESSAGE))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"chat_id": 1111111, "text": "Hello! I'm the virtual assistant of Sample Spine Practice. \
					I can answer questions about the procedures we offer, such as minimally invasive lateral fusion, \
					using the practice's own information, help you book a consultation, or connect you with the office. \
					What would you like to know?\\n\\nI can't give personal medical advice. If you have a medical \
					emergency, call 911."}""")));
	}

	@Test
	void answersAQuestionWithTheSourceNameAndLink() {
		long chat = ids.incrementAndGet();
		String updateId = deliverText(chat, "Can lateral fusion treat scoliosis?");

		assertThat(rows.finalStatus("telegram", updateId)).isEqualTo("answered");
		String text = sentTexts(chat).get(0);
		assertThat(text).contains("scoliosis")
			.contains("Source: Minimally Invasive Lateral Fusion")
			.contains("https://www.example.com/procedures/minimally-invasive-lateral-fusion")
			.doesNotContain("Source: Minimally Invasive Lateral Fusion – Conditions treated\n\n");
	}

	@Test
	void bookingGetsTheBookingLinkAndThePhone() {
		long chat = ids.incrementAndGet();
		deliverText(chat, "I want to book");

		Eventually.until("the reply is sent", () -> !sentTexts(chat).isEmpty());
		assertThat(sentTexts(chat).get(0)).contains("https://www.example.com/book").contains("+1-555-0100");
	}

	@Test
	void continuesTheSameConversationForTheSameChat() {
		long chat = ids.incrementAndGet();
		String first = deliverText(chat, "What is lateral fusion?");
		rows.finalStatus("telegram", first);
		String second = deliverText(chat, "Will it leave a big scar?");
		rows.finalStatus("telegram", second);

		Integer conversations = jdbc.sql("select count(distinct conversation_id) from channel_contact where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(Integer.class)
			.single();
		Integer turns = jdbc.sql("""
				select count(*) from turn t join channel_contact c on c.conversation_id = t.conversation_id
				where c.channel = 'telegram' and c.sender = ?""").param(String.valueOf(chat)).query(Integer.class).single();
		assertThat(conversations).isEqualTo(1);
		assertThat(turns).isEqualTo(2);
	}

	@Test
	void aRedeliveredUpdateIsAcknowledgedButNotAnsweredTwice() {
		long chat = ids.incrementAndGet();
		long updateId = ids.incrementAndGet();
		byte[] update = update(updateId, chat, "What is lateral fusion?");

		assertThat(deliver(update, SECRET).status()).isEqualTo(200);
		rows.finalStatus("telegram", String.valueOf(updateId));
		assertThat(deliver(update, SECRET).status()).isEqualTo(200);
		Eventually.settle();

		assertThat(rows.count("telegram", String.valueOf(updateId))).isEqualTo(1);
		assertThat(sentTexts(chat)).hasSize(1);
	}

	@Test
	void rejectsAnUpdateWithoutTheSecretTokenAndStoresNothing() {
		long updateId = ids.incrementAndGet();
		Response response = deliver(update(updateId, ids.incrementAndGet(), "hello"), null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(rows.count("telegram", String.valueOf(updateId))).isZero();
	}

	@Test
	void rejectsAnUpdateWithAWrongSecretTokenAndStoresNothing() {
		long updateId = ids.incrementAndGet();
		Response response = deliver(update(updateId, ids.incrementAndGet(), "hello"), "test-secret_token-124");

		assertThat(response.status()).isEqualTo(403);
		assertThat(rows.count("telegram", String.valueOf(updateId))).isZero();
		Eventually.settle();
		assertThat(telegram.getAllServeEvents()).isEmpty();
	}

	@Test
	void editsAndButtonPressesAreAcknowledgedAndIgnored() {
		assertThat(deliver(Fixtures.bytes("telegram-update-edited.json"), SECRET).status()).isEqualTo(200);
		assertThat(deliver(Fixtures.bytes("telegram-update-callback-query.json"), SECRET).status()).isEqualTo(200);
		Eventually.settle();

		assertThat(telegram.getAllServeEvents()).isEmpty();
	}

	@Test
	void aVoiceMessageGetsAPoliteTextOnlyReplyWithThePhone() {
		long chat = ids.incrementAndGet();
		long updateId = ids.incrementAndGet();
		String voice = Fixtures.text("telegram-update-voice.json")
			.replace("\"update_id\": 10000", "\"update_id\": " + updateId)
			.replace("\"id\": 1111111", "\"id\": " + chat);

		assertThat(deliver(voice.getBytes(), SECRET).status()).isEqualTo(200);

		rows.finalStatus("telegram", String.valueOf(updateId));
		assertThat(sentTexts(chat)).singleElement()
			.asString()
			.contains("only read text messages")
			.contains("+1-555-0100");
	}

	@Test
	void malformedBodiesAre400AndStoreNothing() {
		int before = rows.count("telegram");

		assertThat(deliver("not json".getBytes(), SECRET).status()).isEqualTo(400);
		assertThat(deliver("[1, 2]".getBytes(), SECRET).status()).isEqualTo(400);
		assertThat(deliver("{\"message\": {}}".getBytes(), SECRET).status()).isEqualTo(400);
		assertThat(deliver(new byte[0], SECRET).status()).isEqualTo(400);
		assertThat(rows.count("telegram")).isEqualTo(before);
	}

	@Test
	void retriesAfter429And500ThenDelivers() {
		long chat = ids.incrementAndGet();
		telegram.stubFor(post(SEND_MESSAGE).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat))))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
						+ "\"parameters\":{\"retry_after\":1}}"))
			.willSetStateTo("throttled"));
		telegram.stubFor(post(SEND_MESSAGE).inScenario("flaky").whenScenarioStateIs("throttled")
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat))))
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("recovered"));
		String updateId = deliverText(chat, "hello");

		assertThat(rows.finalStatus("telegram", updateId)).isEqualTo("answered");
		assertThat(sentTexts(chat)).hasSize(3);
	}

	@Test
	void aReplyThatFinallyFailsIsRecorded() {
		long chat = ids.incrementAndGet();
		telegram.stubFor(post(SEND_MESSAGE).withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat))))
			.willReturn(aResponse().withStatus(500)));
		String updateId = deliverText(chat, "hello");

		assertThat(rows.finalStatus("telegram", updateId)).isEqualTo("failed");
		assertThat(rows.detail("telegram", updateId)).contains("HTTP 500 after 4 attempts");
		telegram.verify(new CountMatchingStrategy(CountMatchingStrategy.EQUAL_TO, 4), postRequestedFor(urlEqualTo(SEND_MESSAGE))
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat)))));
	}

	@Test
	void aBlockedBotIsNotRetried() {
		long chat = ids.incrementAndGet();
		telegram.stubFor(post(SEND_MESSAGE).withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat))))
			.willReturn(aResponse().withStatus(403)
				.withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
		String updateId = deliverText(chat, "hello");

		assertThat(rows.finalStatus("telegram", updateId)).isEqualTo("failed");
		assertThat(sentTexts(chat)).hasSize(1);
	}

	@Test
	void staffRepliesReachThePatientAndTheAssistantStaysQuietUntilHandedBack() {
		long chat = ids.incrementAndGet();
		rows.finalStatus("telegram", deliverText(chat, "can I talk to a real person"));
		assertThat(sentTexts(chat).get(0)).contains("asked the team");
		String conversation = jdbc.sql("select conversation_id from channel_contact where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(String.class)
			.single();

		assertThat(new StaffDesk(port).reply(conversation, "Hello, this is Sam at the front desk.")).isEqualTo(204);
		Eventually.until("the staff message is sent", () -> sentTexts(chat).size() == 2);
		String held = deliverText(chat, "Thanks Sam, when can I come in?");
		assertThat(rows.finalStatus("telegram", held)).isEqualTo("ignored");
		assertThat(new StaffDesk(port).handBack(conversation)).isEqualTo(204);
		Eventually.until("the hand-back notice is sent", () -> sentTexts(chat).size() == 3);
		String asked = deliverText(chat, "Does lateral fusion leave a big scar?");
		assertThat(rows.finalStatus("telegram", asked)).isEqualTo("answered");

		List<String> texts = sentTexts(chat);
		assertThat(texts.get(1)).isEqualTo("Hello, this is Sam at the front desk.");
		assertThat(texts.get(2)).contains("handed this conversation back");
		assertThat(texts).hasSize(4);
		JsonNode staffTurn = new StaffDesk(port).staffTurns(conversation).get(0);
		assertThat(staffTurn.get("reply").stringValue()).isEqualTo("Hello, this is Sam at the front desk.");
		assertThat(staffTurn.at("/delivery/status").stringValue()).isEqualTo("sent");
	}

	@Test
	void theTranscriptShowsTheStaffWhenTheirMessageCouldNotReachThePatient() {
		long chat = ids.incrementAndGet();
		rows.finalStatus("telegram", deliverText(chat, "can I talk to a real person"));
		String conversation = jdbc.sql("select conversation_id from channel_contact where channel = 'telegram' and sender = ?")
			.param(String.valueOf(chat))
			.query(String.class)
			.single();
		telegram.stubFor(post(SEND_MESSAGE).withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat))))
			.willReturn(aResponse().withStatus(403)
				.withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));

		assertThat(new StaffDesk(port).reply(conversation, "Hello, this is Sam at the front desk.")).isEqualTo(204);

		Eventually.until("the delivery has failed", () -> "failed".equals(new StaffDesk(port).staffTurns(conversation).get(0).at("/delivery/status").stringValue()));
		JsonNode staffTurn = new StaffDesk(port).staffTurns(conversation).get(0);
		assertThat(staffTurn.at("/delivery/detail").stringValue()).startsWith("the patient blocked the practice's bot").contains("HTTP 403").doesNotContain("Sam", String.valueOf(chat));
	}

	private String deliverText(long chat, String text) {
		long updateId = ids.incrementAndGet();
		assertThat(deliver(update(updateId, chat, text), SECRET).status()).isEqualTo(200);
		return String.valueOf(updateId);
	}

	private byte[] update(long updateId, long chat, String text) {
		String fixture = Fixtures.text("telegram-update-text.json");
		return fixture.replace("\"update_id\": 10000", "\"update_id\": " + updateId)
			.replace("\"id\": 1111111", "\"id\": " + chat)
			.replace("\"text\": \"/start\"", "\"text\": " + json.writeValueAsString(text))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private Response deliver(byte[] body, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header(TelegramWebhook.SECRET_HEADER, secret);
		}
		return new ChatClient(port).send(request.build());
	}

	private List<String> sentTexts(long chat) {
		return telegram.findAll(postRequestedFor(urlEqualTo(SEND_MESSAGE))
			.withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat)))))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(body -> json.readTree(body).get("text").stringValue())
			.toList();
	}

}
