package com.frontdesk.channels.whatsapp;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
import com.frontdesk.channels.messaging.WebhookSignatures;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.StaffDesk;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient on WhatsApp, over real HTTP: Meta-signed notifications in, a WireMock Graph API out. Also a callback
 * request as a guided exchange, with the sender's WhatsApp number offered for the call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class WhatsAppWebhookTest {

	static final String APP_SECRET = "test_app_secret";

	static final String MESSAGES = "/v23.0/106540352242922/messages";

	static final WireMockServer graph = new WireMockServer(options().dynamicPort());

	static final AtomicLong ids = new AtomicLong(16505550000L);

	static {
		graph.start();
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.channels.whatsapp.enabled", () -> "true");
		registry.add("frontdesk.channels.whatsapp.app-secret", () -> APP_SECRET);
		registry.add("frontdesk.channels.whatsapp.verify-token", () -> "my-verify-token");
		registry.add("frontdesk.channels.whatsapp.access-token", () -> "EAAG-test-token");
		registry.add("frontdesk.channels.whatsapp.phone-number-id", () -> "106540352242922");
		registry.add("frontdesk.channels.whatsapp.api-base-url", () -> graph.baseUrl() + "/v23.0");
		registry.add("frontdesk.channels.outbound.initial-backoff", () -> "10ms");
		registry.add("frontdesk.channels.outbound.max-backoff", () -> "50ms");
	}

	@AfterAll
	static void stop() {
		graph.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	MessageRows rows;

	@BeforeEach
	void stubGraphApi() {
		rows = new MessageRows(jdbc);
		graph.resetAll();
		graph.stubFor(post(MESSAGES).willReturn(okJson(Fixtures.text("outbound/whatsapp-send-text.response.json"))));
	}

	@Test
	void answersAQuestionWithTheExactSendRequestAndACitedReply() {
		String from = nextSender();
		String id = deliverText(from, "Can lateral fusion treat scoliosis?");

		assertThat(rows.finalStatus("whatsapp", id)).isEqualTo("answered");
		LoggedRequest sent = sentTo(from).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer EAAG-test-token");
		assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
		String text = json.readTree(sent.getBodyAsString()).path("text").path("body").stringValue();
		graph.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "text",
				 "text": {"preview_url": false, "body": %s}}""".formatted(from, json.writeValueAsString(text)))));
		assertThat(text).contains("scoliosis")
			.contains("Source: Minimally Invasive Lateral Fusion")
			.contains("https://www.example.com/procedures/minimally-invasive-lateral-fusion");
	}

	@Test
	void bookingGetsTheBookingLinkAndThePhone() {
		String from = nextSender();
		deliverText(from, "I want to book");

		Eventually.until("the reply is sent", () -> !sentTo(from).isEmpty());
		assertThat(textOf(sentTo(from).get(0))).contains("https://www.example.com/book").contains("+1-555-0100");
	}

	@Test
	void answersTheSubscriptionHandshake() {
		Response ok = client().get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=my-verify-token&hub.challenge=1158201444");
		Response wrong = client().get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");

		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1158201444");
		assertThat(ok.contentType()).startsWith("text/plain");
		assertThat(wrong.status()).isEqualTo(403);
	}

	@Test
	void echoesOnlyAChallengeOfTheShapeMetaSends() {
		String handshake = "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=my-verify-token&hub.challenge=";
		for (String challenge : new String[] { "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "12ab", "1".repeat(33), "",
				"-1", "1%0D%0AX-Injected:%20yes" }) {
			Response refused = client().get(handshake + challenge);

			assertThat(refused.status()).as(challenge).isEqualTo(400);
			assertThat(refused.contentType()).as(challenge).startsWith("application/problem+json");
			assertThat(refused.text("type")).isEqualTo("urn:frontdesk:problem:webhook-challenge");
			assertThat(refused.json().get("requestId").stringValue()).isNotBlank();
			assertThat(refused.body()).doesNotContain("<script", "alert", "Injected");
		}
		assertThat(client().get(handshake.replace("&hub.challenge=", "")).status()).as("no challenge").isEqualTo(400);
		assertThat(client().get(handshake + "1".repeat(32)).body()).isEqualTo("1".repeat(32));
	}

	@Test
	void verifiesTheSignatureOverTheRawUnicodeEscapedBytes() {
		byte[] raw = Fixtures.bytes("whatsapp-text-unicode-escaped.json");
		byte[] reserialised = json.writeValueAsBytes(json.readTree(raw));
		String signature = signatureVector("whatsapp-text-unicode-escaped.json");

		assertThat(WebhookSignatures.hmacSha256Hex(APP_SECRET, reserialised)).isNotEqualTo(signature.substring(7));
		assertThat(deliver(reserialised, signature).status()).isEqualTo(403);
		assertThat(deliver(raw, signature).status()).isEqualTo(200);
	}

	@Test
	void doesNotReplyOutsideThe24HourWindow() {
		String id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
		Response response = deliver(Fixtures.bytes("whatsapp-text.json"), signatureVector("whatsapp-text.json"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(rows.finalStatus("whatsapp", id)).isEqualTo("expired");
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void rejectsAMissingSignatureAndStoresNothing() {
		String from = nextSender();
		Response response = deliver(notification(from, "wamid.unsigned-" + from, text("hello")), null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(rows.count("whatsapp", "wamid.unsigned-" + from)).isZero();
	}

	@Test
	void rejectsAWrongSignatureAndStoresNothing() {
		String from = nextSender();
		byte[] body = notification(from, "wamid.forged-" + from, text("hello"));
		String signedForOtherBytes = "sha256=" + WebhookSignatures.hmacSha256Hex(APP_SECRET, (new String(body) + " ").getBytes());

		assertThat(deliver(body, signedForOtherBytes).status()).isEqualTo(403);
		assertThat(deliver(body, "sha256=" + WebhookSignatures.hmacSha256Hex("another_secret", body)).status()).isEqualTo(403);
		assertThat(rows.count("whatsapp", "wamid.forged-" + from)).isZero();
		Eventually.settle();
		assertThat(sentTo(from)).isEmpty();
	}

	@Test
	void statusUpdatesAreAcknowledgedAndIgnored() {
		int before = rows.count("whatsapp");
		for (String status : List.of("whatsapp-status-read.json", "whatsapp-status-failed.json")) {
			assertThat(deliver(Fixtures.bytes(status), signatureVector(status)).status()).as(status).isEqualTo(200);
		}
		Eventually.settle();

		assertThat(rows.count("whatsapp")).isEqualTo(before);
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void anImageGetsAPoliteTextOnlyReply() {
		String from = nextSender();
		String id = "wamid.image-" + from;
		deliver(signed(notification(from, id, """
				"type": "image", "image": {"mime_type": "image/jpeg", "sha256": "4654+8g=", "id": "65463453"}""")));

		assertThat(rows.finalStatus("whatsapp", id)).isEqualTo("answered");
		assertThat(textOf(sentTo(from).get(0))).contains("only read text messages").contains("+1-555-0100");
	}

	@Test
	void aRedeliveredMessageIsAnsweredOnce() {
		String from = nextSender();
		byte[] body = notification(from, "wamid.again-" + from, text("What is lateral fusion?"));

		assertThat(deliver(signed(body)).status()).isEqualTo(200);
		rows.finalStatus("whatsapp", "wamid.again-" + from);
		assertThat(deliver(signed(body)).status()).isEqualTo(200);
		Eventually.settle();

		assertThat(sentTo(from)).hasSize(1);
	}

	@Test
	void malformedBodiesAre400ButUnexpectedJsonIsAcknowledged() {
		assertThat(deliver(signed("{not json".getBytes())).status()).isEqualTo(400);
		assertThat(deliver(signed("\"text\"".getBytes())).status()).isEqualTo(400);
		assertThat(deliver(signed("{\"object\": \"page\", \"entry\": []}".getBytes())).status()).isEqualTo(200);
		assertThat(deliver(signed("{\"object\": \"whatsapp_business_account\", \"entry\": 7}".getBytes())).status())
			.isEqualTo(200);
	}

	@Test
	void retriesAThrottledSendAndRecordsAFinalFailure() {
		String from = nextSender();
		graph.stubFor(post(MESSAGES).withRequestBody(matchingJsonPath("$.to", equalTo(from)))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}")));
		String id = deliverText(from, "hello");

		assertThat(rows.finalStatus("whatsapp", id)).isEqualTo("failed");
		assertThat(rows.detail("whatsapp", id)).contains("130429").contains("after 4 attempts");
		assertThat(sentTo(from)).hasSize(4);
	}

	@Test
	void staffLearnWhenWhatsAppRefusesTheirReplyBecauseThePatientWroteMoreThan24HoursAgo() {
		String from = nextSender();
		say(from, "can I talk to a real person?");
		String conversation = jdbc.sql("select conversation_id from channel_contact where channel = 'whatsapp' and sender = ?")
			.param(from)
			.query(String.class)
			.single();
		graph.stubFor(post(MESSAGES).withRequestBody(matchingJsonPath("$.to", equalTo(from)))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
						+ "\"code\":131047}}")));
		StaffDesk staff = new StaffDesk(port);

		assertThat(staff.reply(conversation, "Hi, this is Sam from the practice.")).isEqualTo(204);

		Eventually.until("the delivery has failed",
				() -> "failed".equals(staff.staffTurns(conversation).get(0).at("/delivery/status").stringValue()));
		assertThat(staff.staffTurns(conversation).get(0).at("/delivery/detail").stringValue())
			.startsWith("more than 24 hours since the patient last wrote").contains("131047").doesNotContain(from);
	}

	@Test
	void aBookingPatientLeavesACallbackRequestWithTheirWhatsAppNumber() {
		String from = nextSender();
		assertThat(say(from, "I want to book a consultation")).contains("Reply CALL to ask us to call you back.");

		assertThat(say(from, "CALL")).contains("Happy to arrange a call back from Sample Spine Practice")
			.contains("reply CANCEL at any time")
			.endsWith("What is your name?");
		assertThat(say(from, "Ana García")).isEqualTo("Thank you. Shall we call you on +1 " + from.substring(1, 4) + " "
				+ from.substring(4, 7) + " " + from.substring(7) + "? Reply YES, or type the number we should call.");
		assertThat(say(from, "Yes")).startsWith("When is the best time to call?").contains("2 Afternoon");
		assertThat(say(from, "2")).startsWith("In a few words, what would you like to talk about? Reply SKIP");
		assertThat(say(from, "Leg pain after a fall, questions about surgery"))
			.startsWith("I agree that Sample Spine Practice may contact me")
			.endsWith("Reply YES to agree and send your request, or NO to cancel.");
		assertThat(say(from, "yes")).startsWith("Thank you, we have your request.").contains("call you back");

		Map<String, Object> request = jdbc.sql("select * from callback_request where phone = ?")
			.param("+" + from)
			.query()
			.singleRow();
		assertThat(request).containsEntry("name", "Ana García")
			.containsEntry("channel", "whatsapp")
			.containsEntry("preferred_time", "afternoon")
			.containsEntry("reason", "Leg pain after a fall, questions about surgery")
			.containsEntry("status", "open");
		assertThat((String) request.get("consent_text")).startsWith("I agree that Sample Spine Practice may contact me");
		String conversation = (String) request.get("conversation_id");
		assertThat(jdbc.sql("select conversation_id from channel_contact where channel = 'whatsapp' and sender = ?")
			.param(from)
			.query(String.class)
			.single()).isEqualTo(conversation);
		assertThat(jdbc.sql("select question from turn where conversation_id = ? order by id")
			.param(conversation)
			.query(String.class)
			.list()).as("the exchange is in the conversation")
			.containsExactly("I want to book a consultation", "CALL", "Ana García", "Yes", "2",
					"Leg pain after a fall, questions about surgery", "yes");
		assertThat(say(from, "yes")).as("after the request, YES is an ordinary message again")
			.doesNotContain("we have your request");
	}

	@Test
	void anotherNumberCanBeTypedAndAWrongOneIsAskedAgain() {
		String from = nextSender();
		say(from, "call me back please");
		say(from, "Ben");
		assertThat(say(from, "my office: 555")).contains("digits only");
		assertThat(say(from, "555 01")).contains("too short").endsWith("Please type the number again, or reply CANCEL to stop.");
		assertThat(say(from, "(415) 555-0188")).startsWith("When is the best time to call?");
		assertThat(say(from, "whenever")).startsWith("In a few words");
		say(from, "skip");
		say(from, "YES");

		assertThat(jdbc.sql("select preferred_time, reason from callback_request where phone = '+14155550188'")
			.query()
			.singleRow()).containsEntry("preferred_time", "any").containsEntry("reason", null);
	}

	@Test
	void thePatientCanCancelAtAnyPoint() {
		String from = nextSender();
		say(from, "CALL");
		say(from, "Chen Wei");
		say(from, "yes");

		assertThat(say(from, "cancel")).startsWith("OK, I have stopped your callback request and sent nothing");
		assertThat(say(from, "1")).as("an ordinary message again").doesNotStartWith("In a few words");
		assertThat(requestsFrom(from)).isZero();

		say(from, "call me");
		say(from, "Chen Wei");
		say(from, "yes");
		say(from, "1");
		say(from, "skip");
		assertThat(say(from, "no")).startsWith("OK, I have stopped your callback request");
		assertThat(requestsFrom(from)).isZero();
	}

	@Test
	void anEmergencyInTheMiddleGetsTheEmergencyReplyAndEndsTheRequest() {
		String from = nextSender();
		say(from, "CALL");
		say(from, "Dana Ruiz");

		assertThat(say(from, "I suddenly can't feel my legs and lost bladder control"))
			.contains("lost control of your bladder or bowels").contains("call 911 now");
		assertThat(say(from, "yes")).doesNotStartWith("When is the best time");
		assertThat(jdbc.sql("select count(*) from callback_form where sender = ?").param(from).query(Integer.class).single())
			.isZero();
		assertThat(requestsFrom(from)).isZero();
	}

	@Test
	void aQuestionInTheMiddleIsNotTakenForAnAnswer() {
		String from = nextSender();
		say(from, "CALL");

		assertThat(say(from, "What is lateral fusion?")).contains("Please answer the question above, or reply CANCEL");
		assertThat(say(from, "Eve Stone")).startsWith("Thank you. Shall we call you on");
	}

	private int requestsFrom(String from) {
		return jdbc.sql("select count(*) from callback_request where phone = ?")
			.param("+" + from)
			.query(Integer.class)
			.single();
	}

	/** Sends a text from the patient and returns Frontdesk's reply to it. */
	private String say(String from, String text) {
		int before = sentTo(from).size();
		deliverText(from, text);
		Eventually.until("Frontdesk replies to \"" + text + "\"", () -> sentTo(from).size() > before);
		List<LoggedRequest> sent = sentTo(from);
		return sent.subList(before, sent.size()).stream().map(this::textOf).collect(Collectors.joining("\n\n"));
	}

	private String deliverText(String from, String message) {
		String id = "wamid." + from + "-" + ids.incrementAndGet();
		assertThat(deliver(signed(notification(from, id, text(message)))).status()).isEqualTo(200);
		return id;
	}

	private String text(String message) {
		return "\"type\": \"text\", \"text\": {\"body\": " + json.writeValueAsString(message) + "}";
	}

	/** A notification shaped like whatsapp-text.json, sent now. */
	private static byte[] notification(String from, String id, String content) {
		String fixture = Fixtures.text("whatsapp-text.json");
		String message = """
				{"from": "%s", "id": "%s", "timestamp": "%d", %s}""".formatted(from, id, Instant.now().getEpochSecond(),
				content);
		int start = fixture.indexOf("\"messages\": [") + "\"messages\": [".length();
		int end = fixture.indexOf(']', start);
		return (fixture.substring(0, start) + message + fixture.substring(end))
			.replace("\"wa_id\": \"16505551234\"", "\"wa_id\": \"" + from + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	private String signatureVector(String file) {
		JsonNode vectors = json.readTree(Fixtures.text("signatures-computed.json")).path("meta");
		assertThat(vectors.path("app_secret").stringValue()).isEqualTo(APP_SECRET);
		return vectors.path("files").path(file).stringValue();
	}

	private static String nextSender() {
		return String.valueOf(ids.incrementAndGet());
	}

	private record Signed(byte[] body, String signature) {
	}

	private static Signed signed(byte[] body) {
		return new Signed(body, "sha256=" + WebhookSignatures.hmacSha256Hex(APP_SECRET, body));
	}

	private Response deliver(Signed signed) {
		return deliver(signed.body(), signed.signature());
	}

	private Response deliver(byte[] body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return client().send(request.build());
	}

	private ChatClient client() {
		return new ChatClient(port);
	}

	private List<LoggedRequest> sentTo(String to) {
		return graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(to))));
	}

	private String textOf(LoggedRequest request) {
		return json.readTree(request.getBodyAsString()).path("text").path("body").stringValue();
	}

}
