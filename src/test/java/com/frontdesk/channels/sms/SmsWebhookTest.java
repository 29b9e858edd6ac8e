package com.frontdesk.channels.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.ChatClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A patient texting the practice, over real HTTP: Twilio-signed forms in, a WireMock Messages API out. Also a
 * callback request by SMS: the number texted from is offered, YES in the middle answers the exchange (no opt-in), the
 * exchange is left with EXIT (carriers treat CANCEL as STOP), and STOP still opts out, ending it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SmsWebhookTest {

	static final String ACCOUNT = "AC00000000000000000000000000000001";

	static final String TOKEN = "test_auth_token_0123456789abcdef";

	static final String PUBLIC_URL = "https://example.com/webhooks/twilio/sms";

	static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

	static final WireMockServer twilio = new WireMockServer(options().dynamicPort());

	static final AtomicLong ids = new AtomicLong(15555560000L);

	static {
		twilio.start();
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.channels.sms.enabled", () -> "true");
		registry.add("frontdesk.channels.sms.account-sid", () -> ACCOUNT);
		registry.add("frontdesk.channels.sms.auth-token", () -> TOKEN);
		registry.add("frontdesk.channels.sms.from-number", () -> "+15005550006");
		registry.add("frontdesk.channels.sms.public-url", () -> PUBLIC_URL);
		registry.add("frontdesk.channels.sms.api-base-url", twilio::baseUrl);
		registry.add("frontdesk.channels.outbound.initial-backoff", () -> "10ms");
		registry.add("frontdesk.channels.outbound.max-backoff", () -> "50ms");
	}

	@AfterAll
	static void stop() {
		twilio.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MessageRows rows;

	@BeforeEach
	void stubMessagesApi() {
		rows = new MessageRows(jdbc);
		twilio.resetAll();
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\": \"SM00000000000000000000000000000099\", \"status\": \"queued\"}")));
	}

	@Test
	void answersTheDatasetsSignedSmsWithTheExactMessagesApiRequest() {
		Response response = deliver(Fixtures.bytes("twilio-sms.form"), "BwzoST/z0iiapxCgnVda+mlhvYw=");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/xml");
		assertThat(response.body()).contains("<Response>");
		assertThat(rows.finalStatus("sms", "SM00000000000000000000000000000001")).isEqualTo("answered");
		LoggedRequest sent = sentTo("+15555550100").get(0);
		twilio.verify(postRequestedFor(urlEqualTo(MESSAGES)).withBasicAuth(new BasicCredentials(ACCOUNT, TOKEN))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo("+15555550100"))
			.withFormParam("From", equalTo("+15005550006")));
		assertThat(sent.getBodyAsString()).startsWith("To=%2B15555550100&From=%2B15005550006&Body=");
		assertThat(sent.formParameters().get("Body").firstValue()).isNotBlank().hasSizeLessThanOrEqualTo(1530);
	}

	@Test
	void answersAQuestionWithTheSourceLinkInGsmFriendlyText() {
		String from = nextNumber();
		String sid = deliverText(from, "Can lateral fusion treat scoliosis?");

		assertThat(rows.finalStatus("sms", sid)).isEqualTo("answered");
		String body = bodyOf(sentTo(from).get(0));
		assertThat(body).contains("scoliosis")
			.contains("https://www.example.com/procedures/minimally-invasive-lateral-fusion")
			.doesNotContain("\u2013")
			.hasSizeLessThanOrEqualTo(1530);
	}

	@Test
	void bookingGetsTheBookingLinkAndThePhone() {
		String from = nextNumber();
		deliverText(from, "I want to book");

		Eventually.until("the reply is sent", () -> !sentTo(from).isEmpty());
		assertThat(bodyOf(sentTo(from).get(0))).contains("https://www.example.com/book").contains("+1-555-0100");
	}

	@Test
	void stopMeansNoFurtherMessagesUntilStart() {
		String from = nextNumber();
		String stop = deliverText(from, "STOP");
		assertThat(rows.finalStatus("sms", stop)).isEqualTo("ignored");
		String question = deliverText(from, "What is lateral fusion?");
		assertThat(rows.finalStatus("sms", question)).isEqualTo("ignored");
		assertThat(sentTo(from)).isEmpty();

		String start = deliverText(from, "start");
		assertThat(rows.finalStatus("sms", start)).isEqualTo("answered");
		String again = deliverText(from, "What is lateral fusion?");
		assertThat(rows.finalStatus("sms", again)).isEqualTo("answered");

		assertThat(sentTo(from)).hasSize(2);
		assertThat(bodyOf(sentTo(from).get(0))).contains("again").contains("STOP");
	}

	@Test
	void helpTellsHowToReachThePracticeAndHowToStop() {
		String from = nextNumber();
		deliverText(from, "HELP");

		Eventually.until("the reply is sent", () -> !sentTo(from).isEmpty());
		assertThat(bodyOf(sentTo(from).get(0))).contains("+1-555-0100").contains("911").contains("STOP");
	}

	@Test
	void aPictureGetsAPoliteTextOnlyReply() {
		String from = nextNumber();
		String sid = "MM" + from;
		byte[] form = form(sid, from, "", "&NumMedia=1&MediaContentType0=image%2Fjpeg&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fx");
		assertThat(deliver(form, sign(form)).status()).isEqualTo(200);

		assertThat(rows.finalStatus("sms", sid)).isEqualTo("answered");
		assertThat(bodyOf(sentTo(from).get(0))).contains("only read text messages").contains("+1-555-0100");
	}

	@Test
	void rejectsMissingAndWrongSignaturesAndStoresNothing() {
		String from = nextNumber();
		byte[] form = form("SMforged" + from, from, "hello", "");

		assertThat(deliver(form, null).status()).isEqualTo(401);
		assertThat(deliver(form, "BwzoST/z0iiapxCgnVda+mlhvYw=").status()).isEqualTo(403);
		byte[] tampered = form("SMforged" + from, from, "hello!", "");
		assertThat(deliver(tampered, sign(form)).status()).isEqualTo(403);
		assertThat(rows.count("sms", "SMforged" + from)).isZero();
	}

	@Test
	void aRedeliveredMessageIsAnsweredOnce() {
		String from = nextNumber();
		byte[] form = form("SMagain" + from, from, "What is lateral fusion?", "");

		deliver(form, sign(form));
		rows.finalStatus("sms", "SMagain" + from);
		assertThat(deliver(form, sign(form)).status()).isEqualTo(200);
		Eventually.settle();

		assertThat(sentTo(from)).hasSize(1);
	}

	@Test
	void retriesA429ThenDelivers() {
		String from = nextNumber();
		twilio.stubFor(post(MESSAGES).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
			.withFormParam("To", equalTo(from))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("free"));
		String sid = deliverText(from, "hello");

		assertThat(rows.finalStatus("sms", sid)).isEqualTo("answered");
		assertThat(sentTo(from)).hasSize(2);
	}

	@Test
	void aSignedFormWithoutMessageSidIs400() {
		byte[] form = "From=%2B15555550100&Body=hello".getBytes(StandardCharsets.UTF_8);

		assertThat(deliver(form, sign(form)).status()).isEqualTo(400);
	}

	@Test
	void aPatientTextingFromTheirPhoneConfirmsItWithYes() {
		String from = nextNumber();
		assertThat(say(from, "Can I book an appointment?")).contains("Reply CALL to ask us to call you back.");
		assertThat(say(from, "call")).contains("reply EXIT at any time to stop").doesNotContain("CANCEL");
		assertThat(say(from, "Fatima Khan")).contains("Shall we call you on +1 " + from.substring(2, 5) + " ");
		assertThat(say(from, "YES")).as("YES answers the question, it is no opt-in").startsWith("When is the best time");
		say(from, "morning");
		say(from, "skip");
		assertThat(say(from, "yes")).startsWith("Thank you, we have your request.");

		Map<String, Object> request = jdbc.sql("select * from callback_request where phone = ?").param(from).query().singleRow();
		assertThat(request).containsEntry("name", "Fatima Khan")
			.containsEntry("channel", "sms")
			.containsEntry("preferred_time", "morning");
	}

	@Test
	void exitLeavesTheExchangeAndStopStillOptsOut() {
		String from = nextNumber();
		say(from, "call me back");
		assertThat(say(from, "exit")).startsWith("OK, I have stopped your callback request");

		say(from, "CALL");
		say(from, "Gus Lee");
		String stop = deliverText(from, "STOP");
		assertThat(rows.finalStatus("sms", stop)).isEqualTo("ignored");
		assertThat(jdbc.sql("select count(*) from callback_form where sender = ?").param(from).query(Integer.class).single())
			.as("opting out ends the exchange").isZero();
		String yes = deliverText(from, "YES");
		assertThat(rows.finalStatus("sms", yes)).as("after STOP, YES is the opt-in again")
			.isEqualTo("answered");
		assertThat(bodyOf(sentTo(from).get(sentTo(from).size() - 1))).contains("You will receive messages from Sample Spine Practice again");
		assertThat(jdbc.sql("select count(*) from callback_request where phone = ?").param(from).query(Integer.class).single())
			.isZero();
	}

	@Test
	void aPatientWhoTextsInSpanishGetsTheChannelsOwnTextsInSpanishEvenAfterAPicture() {
		String from = nextNumber();
		say(from, "Hola, ¿cuánto tiempo tarda en sanar la fusión lateral?");
		String sid = "MMes" + from;
		byte[] picture = form(sid, from, "", "&NumMedia=1&MediaContentType0=image%2Fjpeg&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fx");
		assertThat(deliver(picture, sign(picture)).status()).isEqualTo(200);

		assertThat(rows.finalStatus("sms", sid)).isEqualTo("answered");
		assertThat(bodyOf(sentTo(from).get(1))).as("a picture says nothing of its language: the last message did")
			.contains("solo puedo leer mensajes de texto")
			.contains("+1-555-0100");
	}

	@Test
	void aCallbackRequestedInSpanishAsksItsQuestionsInSpanishThroughShortAnswers() {
		String from = nextNumber();
		assertThat(say(from, "Llámenme por favor"))
			.contains("¿Cómo se llama?")
			.contains("SALIR");
		assertThat(say(from, "Lucía Fernández")).as("a name tells no language: the exchange stays in Spanish")
			.startsWith("Gracias. ¿Le llamamos al");
		assertThat(say(from, "sí")).startsWith("¿Cuándo es el mejor momento");
		assertThat(say(from, "2")).contains("OMITIR");
		String consent = say(from, "omitir");
		assertThat(consent).as("the consent asked for is worded in Spanish").startsWith("Acepto que Sample Spine Practice")
			.contains("Responda SÍ");
		assertThat(say(from, "sí")).startsWith("Gracias, hemos recibido su solicitud.")
			.containsIgnoringCase("le llamaremos");

		Map<String, Object> request = jdbc.sql("select * from callback_request where phone = ?").param(from).query().singleRow();
		assertThat(request).containsEntry("name", "Lucía Fernández").containsEntry("preferred_time", "afternoon");
		assertThat(consent).as("what the patient agreed to is what is stored").startsWith((String) request.get("consent_text"));
	}

	@Test
	void whatIsWrongWithAnAnswerIsSaidInSpanishToASpanishSender() {
		String from = nextNumber();
		say(from, "Llámenme por favor");

		assertThat(say(from, "12345")).isEqualTo("Escriba su nombre con letras. ¿Cómo se llama?");
		assertThat(say(from, "Lucía")).startsWith("Gracias. ¿Le llamamos al");
		assertThat(say(from, "no")).doesNotContain("phone number");
		assertThat(say(from, "555 01")).startsWith("Este número de teléfono es demasiado corto: incluya el código de área.")
			.contains("SALIR");
	}

	@Test
	void pararOptsOutWithOneConfirmationInSpanishAndComenzarOptsBackIn() {
		String from = nextNumber();
		assertThat(say(from, "PARAR")).contains("Ya no recibirá más mensajes de Sample Spine Practice")
			.contains("COMENZAR");
		String question = deliverText(from, "¿Qué es la fusión lateral?");
		assertThat(rows.finalStatus("sms", question)).isEqualTo("ignored");
		assertThat(sentTo(from)).as("the confirmation is the last message until the patient opts in").hasSize(1);

		assertThat(say(from, "Comenzar")).contains("Volverá a recibir mensajes de Sample Spine Practice");
		assertThat(say(from, "ayuda")).contains("+1-555-0100").contains("911").contains("PARAR");
	}

	@Test
	void anEnglishStopIsLeftToTwilioToConfirm() {
		String from = nextNumber();
		String stop = deliverText(from, "Stop.");

		assertThat(rows.finalStatus("sms", stop)).isEqualTo("ignored");
		assertThat(sentTo(from)).isEmpty();
	}

	/** Texts Frontdesk and returns its reply. */
	private String say(String from, String text) {
		int before = sentTo(from).size();
		deliverText(from, text);
		Eventually.until("Frontdesk replies to \"" + text + "\"", () -> sentTo(from).size() > before);
		return bodyOf(sentTo(from).get(before));
	}

	private String deliverText(String from, String text) {
		String sid = "SM" + from + ids.incrementAndGet();
		byte[] form = form(sid, from, text, "");
		assertThat(deliver(form, sign(form)).status()).isEqualTo(200);
		return sid;
	}

	private static byte[] form(String messageSid, String from, String body, String extra) {
		String sid = URLEncoder.encode(messageSid, StandardCharsets.UTF_8);
		String form = "ToCountry=US&SmsMessageSid=" + sid + "&NumMedia=0&SmsSid=" + sid + "&SmsStatus=received&Body="
				+ URLEncoder.encode(body, StandardCharsets.UTF_8) + "&To=%2B15005550006&NumSegments=1&MessageSid=" + sid
				+ "&AccountSid=" + ACCOUNT + "&From=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
				+ "&ApiVersion=2010-04-01";
		if (!extra.isEmpty()) {
			form = form.replace("&NumMedia=0", "") + extra;
		}
		return form.getBytes(StandardCharsets.UTF_8);
	}

	private static String sign(byte[] form) {
		return TwilioSignature.compute(TOKEN, PUBLIC_URL, FormBody.parse(form).parameters());
	}

	private static String nextNumber() {
		return "+" + ids.incrementAndGet();
	}

	private Response deliver(byte[] form, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sms"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofByteArray(form));
		if (signature != null) {
			request.header("X-Twilio-Signature", signature);
		}
		return new ChatClient(port).send(request.build());
	}

	private List<LoggedRequest> sentTo(String to) {
		return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(to)));
	}

	private static String bodyOf(LoggedRequest request) {
		return request.formParameters().get("Body").firstValue();
	}

}
