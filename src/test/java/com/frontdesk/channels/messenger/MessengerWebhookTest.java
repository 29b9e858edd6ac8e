package com.frontdesk.channels.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import com.frontdesk.channels.messaging.WebhookSignatures;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.ChatClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A patient on Messenger, over real HTTP: Meta-signed events in, a WireMock Send API out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MessengerWebhookTest {

	static final String APP_SECRET = "test_app_secret";

	static final String SEND = "/v23.0/me/messages";

	static final WireMockServer graph = new WireMockServer(options().dynamicPort());

	static final AtomicLong ids = new AtomicLong(2000000000000000L);

	static {
		graph.start();
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.channels.messenger.enabled", () -> "true");
		registry.add("frontdesk.channels.messenger.app-secret", () -> APP_SECRET);
		registry.add("frontdesk.channels.messenger.verify-token", () -> "page-verify-token");
		registry.add("frontdesk.channels.messenger.page-access-token", () -> "EAAPage-token");
		registry.add("frontdesk.channels.messenger.api-base-url", () -> graph.baseUrl() + "/v23.0");
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
	void stubSendApi() {
		rows = new MessageRows(jdbc);
		graph.resetAll();
		graph.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson(Fixtures.text("outbound/messenger-send-text.response.json"))));
	}

	@Test
	void answersAQuestionWithTheExactSendApiRequest() {
		String psid = nextPsid();
		String mid = deliverText(psid, "Can lateral fusion treat scoliosis?");

		assertThat(rows.finalStatus("messenger", mid)).isEqualTo("answered");
		LoggedRequest sent = sentTo(psid).get(0);
		assertThat(sent.queryParameter("access_token").firstValue()).isEqualTo("EAAPage-token");
		String text = textOf(sent);
		graph.verify(postRequestedFor(urlPathEqualTo(SEND)).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"recipient": {"id": "%s"}, "messaging_type": "RESPONSE", "message": {"text": %s}}"""
				.formatted(psid, json.writeValueAsString(text)))));
		assertThat(text).contains("scoliosis")
			.contains("https://www.example.com/procedures/minimally-invasive-lateral-fusion")
			.hasSizeLessThanOrEqualTo(2000);
	}

	@Test
	void bookingGetsTheBookingLinkAndThePhone() {
		String psid = nextPsid();
		deliverText(psid, "I want to book");

		Eventually.until("the reply is sent", () -> !sentTo(psid).isEmpty());
		assertThat(textOf(sentTo(psid).get(0))).contains("https://www.example.com/book").contains("+1-555-0100");
	}

	@Test
	void answersTheSubscriptionHandshake() {
		ChatClient client = new ChatClient(port);
		Response ok = client.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=page-verify-token&hub.challenge=1603942551");
		Response notANumber = client.get(
				"/webhooks/messenger?hub.mode=subscribe&hub.verify_token=page-verify-token&hub.challenge=%3Cscript%3E");

		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1603942551");
		assertThat(ok.contentType()).startsWith("text/plain");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.contentType()).startsWith("application/problem+json");
		assertThat(client.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1").status())
			.isEqualTo(403);
		assertThat(client.get("/webhooks/messenger?hub.mode=unsubscribe&hub.verify_token=page-verify-token&hub.challenge=1")
			.status()).isEqualTo(403);
	}

	@Test
	void acceptsTheDocumentedPayloadWithItsSignatureVectorButDoesNotAnswerAfter24Hours() {
		Response response = deliver(Fixtures.bytes("messenger-text.json"), vector("messenger-text.json"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(rows.finalStatus("messenger", "mid.1457764197618:41d102a3e1ae206a38")).isEqualTo("expired");
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void deliveriesAreAcknowledgedAndIgnored() {
		int before = rows.count("messenger");

		assertThat(deliver(Fixtures.bytes("messenger-delivery.json"), vector("messenger-delivery.json")).status())
			.isEqualTo(200);
		Eventually.settle();

		assertThat(rows.count("messenger")).isEqualTo(before);
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void echoesOfThePagesOwnMessagesAreIgnored() {
		String psid = nextPsid();
		byte[] echo = event(psid, "m_echo-" + psid, "\"is_echo\": true, \"text\": \"hello\"");

		assertThat(deliver(echo, sign(echo)).status()).isEqualTo(200);
		assertThat(rows.count("messenger", "m_echo-" + psid)).isZero();
	}

	@Test
	void rejectsMissingAndWrongSignaturesAndStoresNothing() {
		String psid = nextPsid();
		byte[] body = event(psid, "m_forged-" + psid, "\"text\": \"hello\"");

		Response missing = deliver(body, null);
		Response wrong = deliver(body, "sha256=" + WebhookSignatures.hmacSha256Hex("not_the_secret", body));
		Response notSha256 = deliver(body, "sha1=" + WebhookSignatures.hmacSha256Hex(APP_SECRET, body));

		assertThat(missing.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(notSha256.status()).isEqualTo(403);
		assertThat(rows.count("messenger", "m_forged-" + psid)).isZero();
	}

	@Test
	void anImageGetsAPoliteTextOnlyReply() {
		String psid = nextPsid();
		byte[] image = event(psid, "m_image-" + psid,
				"\"attachments\": [{\"type\": \"image\", \"payload\": {\"url\": \"https://example.com/attachment.jpg\"}}]");

		assertThat(deliver(image, sign(image)).status()).isEqualTo(200);

		assertThat(rows.finalStatus("messenger", "m_image-" + psid)).isEqualTo("answered");
		assertThat(textOf(sentTo(psid).get(0))).contains("only read text messages").contains("+1-555-0100");
	}

	@Test
	void aRedeliveredMessageIsAnsweredOnce() {
		String psid = nextPsid();
		byte[] body = event(psid, "m_again-" + psid, "\"text\": \"What is lateral fusion?\"");

		deliver(body, sign(body));
		rows.finalStatus("messenger", "m_again-" + psid);
		assertThat(deliver(body, sign(body)).status()).isEqualTo(200);
		Eventually.settle();

		assertThat(sentTo(psid)).hasSize(1);
	}

	@Test
	void retriesA500ThenDelivers() {
		String psid = nextPsid();
		graph.stubFor(post(urlPathEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid)))
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("recovered"));
		String mid = deliverText(psid, "hello");

		assertThat(rows.finalStatus("messenger", mid)).isEqualTo("answered");
		assertThat(sentTo(psid)).hasSize(2);
	}

	@Test
	void malformedBodiesAre400() {
		assertThat(deliver("nope".getBytes(), sign("nope".getBytes())).status()).isEqualTo(400);
		assertThat(deliver(new byte[0], sign(new byte[0])).status()).isEqualTo(400);
	}

	private String deliverText(String psid, String text) {
		String mid = "m_" + psid + "-" + ids.incrementAndGet();
		byte[] body = event(psid, mid, "\"text\": " + json.writeValueAsString(text));
		assertThat(deliver(body, sign(body)).status()).isEqualTo(200);
		return mid;
	}

	/** An event shaped like messenger-text.json, sent now. */
	private static byte[] event(String psid, String mid, String message) {
		String fixture = Fixtures.text("messenger-text.json");
		int start = fixture.indexOf("\"message\": {");
		int end = fixture.indexOf('}', start) + 1;
		long now = Instant.now().toEpochMilli();
		return (fixture.substring(0, start) + "\"message\": {\"mid\": \"" + mid + "\", " + message + "}"
				+ fixture.substring(end))
			.replace("\"id\": \"1000000000000001\"", "\"id\": \"" + psid + "\"")
			.replace("\"timestamp\": 1458692752478", "\"timestamp\": " + now)
			.getBytes(StandardCharsets.UTF_8);
	}

	private String vector(String file) {
		JsonNode meta = json.readTree(Fixtures.text("signatures-computed.json")).path("meta");
		return meta.path("files").path(file).stringValue();
	}

	private static String sign(byte[] body) {
		return "sha256=" + WebhookSignatures.hmacSha256Hex(APP_SECRET, body);
	}

	private static String nextPsid() {
		return String.valueOf(ids.incrementAndGet());
	}

	private Response deliver(byte[] body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/messenger"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return new ChatClient(port).send(request.build());
	}

	private List<LoggedRequest> sentTo(String psid) {
		return graph.findAll(postRequestedFor(urlPathEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid))));
	}

	private String textOf(LoggedRequest request) {
		return json.readTree(request.getBodyAsString()).path("message").path("text").stringValue();
	}

}
