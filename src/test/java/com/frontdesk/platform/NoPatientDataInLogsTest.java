package com.frontdesk.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.answering.llm.OpenAiStubs;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.RawHttp;
import com.frontdesk.support.Webhooks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * A whole patient journey with name, phone, e-mail, date of birth and symptoms in every message (web chat, streaming,
 * a follow-up, an emergency, a medical-advice question, all four messaging webhooks, failing sends, a failing model,
 * admin calls and every kind of invalid request), with Frontdesk logging at DEBUG and everything else at INFO: none of
 * the patient's data appears in any log event as it was logged (message, arguments, exceptions, MDC), nor in what
 * reached the console.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=info", "logging.level.com.frontdesk=debug", AdminLogin.USERNAME_PROPERTY,
				AdminLogin.HASH_PROPERTY, "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key",
				"frontdesk.llm.model=test-model", "frontdesk.llm.first-token-timeout=2s", "frontdesk.llm.timeout=4s",
				"frontdesk.llm.max-retry-wait=100ms", "frontdesk.llm.breaker-failures=100" })
class NoPatientDataInLogsTest {

	static final String NAME = "Maria Delgado-Fuentes";

	static final String EMAIL = "maria.delgado@example.org";

	static final String PHONE = "(415) 555-0198";

	static final String SENDER = "14155550198";

	static final String DOB = "04/12/1961";

	static final String SYMPTOM = "tingling in my left pinky toe";

	static final String EMERGENCY = "I lost control of my bladder this morning";

	/** Everything of the patient that must never be in a log, in the forms it could appear in. */
	static final List<String> SECRETS = List.of(NAME, "Delgado", "Fuentes", EMAIL, "maria.delgado", PHONE, "555-0198",
			"5550198", "555 0198", SENDER, DOB, "April 12, 1961", "12 April 1961", SYMPTOM, "pinky toe", EMERGENCY,
			"bladder this morning", "gabapentin for Maria", "psid-4155550198", "SMpatient4155550198");

	@RegisterExtension
	static final FakePlatforms PLATFORMS = new FakePlatforms();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		PLATFORMS.channels(registry);
		registry.add("frontdesk.llm.base-url", () -> PLATFORMS.baseUrl() + "/v1");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWholeJourneyLeavesNoPatientDataInTheLogs(CapturedOutput console) {
		stubPlatformsAndModel();
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		events.setContext(root.getLoggerContext());
		events.start();
		root.addAppender(events);
		try {
			webChat();
			messaging();
			admin();
			invalidRequests();
		}
		finally {
			root.detachAppender(events);
		}

		List<String> logged = events.list.stream().map(NoPatientDataInLogsTest::everything).toList();
		assertThat(logged).as("the journey was logged").hasSizeGreaterThan(10);
		for (String event : logged) {
			for (String secret : SECRETS) {
				assertThat(event.toLowerCase(Locale.ROOT)).as("a log event").doesNotContain(secret.toLowerCase(Locale.ROOT));
			}
		}
		for (String secret : SECRETS) {
			assertThat(console.getAll()).as("the console").doesNotContainIgnoringCase(secret);
		}
	}

	private void webChat() {
		ChatClient client = new ChatClient(port);
		String first = "Hi, my name is " + NAME + ", born " + DOB + ", email " + EMAIL + ", phone " + PHONE + ". I have "
				+ SYMPTOM + ": will lateral fusion leave a big scar?";
		String id = client.chat(null, first).text("conversationId");
		assertThat(client.chat(id, "and how long does healing take for someone born April 12, 1961 like me, "
				+ NAME + "?").status()).isEqualTo(200);
		assertThat(client.chat(id, "what are pedicle screws? " + SYMPTOM).status()).isEqualTo(200);
		assertThat(client.chat(id, EMERGENCY + ", call me at " + PHONE).text("intent")).isEqualTo("emergency");
		assertThat(client.chat(null, "how much gabapentin for Maria should I take? I am " + NAME).text("intent"))
			.isEqualTo("needs_clinician");
		ChatClient.Response stream = client.post("/api/chat/stream",
				"{\"conversationId\": \"" + id + "\", \"message\": \"My name is " + NAME + ", " + EMAIL
						+ ", what is lateral fusion? I have " + SYMPTOM + "\"}",
				"application/json");
		assertThat(stream.body()).contains("event:done");
		assertThat(client.get("/api/conversations/" + id).status()).isEqualTo(200);
	}

	private void messaging() {
		ChatClient client = new ChatClient(port);
		String text = "I am " + NAME + " (" + EMAIL + ", born " + DOB + ") with " + SYMPTOM + ": what is lateral fusion?";
		List<Webhooks.Inbound> inbound = new ArrayList<>(List.of(Webhooks.whatsApp(SENDER, "wamid.patient-1", text),
				Webhooks.messenger("psid-4155550198", "m_patient-1", text), Webhooks.telegram(90001, 4155550198L, text),
				Webhooks.sms("SMpatient4155550198", "+" + SENDER, text),
				Webhooks.whatsApp(SENDER, "wamid.patient-2", EMERGENCY + ", " + PHONE)));
		for (Webhooks.Inbound request : inbound) {
			assertThat(client.send(request.request(port)).status()).as(request.path()).isEqualTo(200);
		}
		Webhooks.Inbound forged = Webhooks.whatsApp(SENDER, "wamid.forged", text);
		assertThat(client.send(new Webhooks.Inbound(forged.path(), forged.contentType(), forged.body(),
				Map.of("X-Hub-Signature-256", "sha256=00")).request(port)).status()).isEqualTo(403);
		assertThat(client.post("/webhooks/telegram", text, "application/json").status()).isEqualTo(401);
		Eventually.until("every message is processed", () -> jdbc
			.sql("select count(*) from channel_message where status in ('pending', 'processing')")
			.query(Integer.class)
			.single() == 0);
	}

	private void admin() {
		ChatClient client = new ChatClient(port);
		for (String path : List.of("/api/admin/knowledge", "/actuator/prometheus", "/actuator/health")) {
			assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
				.header("Authorization", AdminLogin.header())
				.build()).status()).isEqualTo(200);
		}
		assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/knowledge/reindex"))
			.header("Authorization", AdminLogin.header())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build()).status()).isEqualTo(200);
		assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/knowledge"))
			.header("Authorization", AdminLogin.basic(NAME, EMAIL))
			.build()).status()).isEqualTo(401);
	}

	private void invalidRequests() {
		ChatClient client = new ChatClient(port);
		String personal = NAME + " " + EMAIL + " " + PHONE + " " + DOB + " " + SYMPTOM;
		assertThat(client.post("/api/chat", "{\"message\": \"" + personal, "application/json").status()).isEqualTo(400);
		assertThat(client.post("/api/chat", "{\"message\": \"" + personal + " " + "x".repeat(3000) + "\"}",
				"application/json").status()).isEqualTo(413);
		assertThat(client.post("/api/chat", "{\"message\": \"" + personal + "\"}", "text/plain").status()).isEqualTo(415);
		assertThat(client.post("/api/chat", "{\"message\": [\"" + personal + "\"]}", "application/json").status())
			.isEqualTo(400);
		assertThat(client.post("/api/chat", "{\"conversationId\": \"" + EMAIL + "\", \"message\": \"" + personal + "\"}",
				"application/json").status()).isEqualTo(404);
		assertThat(client.post("/api/chat", "{\"message\": \"" + personal + "\", \"x\": " + "[".repeat(5000) + "}",
				"application/json").status()).isEqualTo(400);
		assertThat(client.get("/api/conversations/" + EMAIL).status()).isEqualTo(404);
		assertThat(client.get("/api/chat?name=" + java.net.URLEncoder.encode(personal, StandardCharsets.UTF_8))
			.status()).isEqualTo(405);
		assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/chat"))
			.header("Content-Type", "application/json")
			.header("X-Request-Id", SENDER)
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": 7}"))
			.build()).status()).isEqualTo(400);
		assertThat(RawHttp.send(port, "GET /api/chat?email=" + EMAIL + "&name=" + NAME.replace(' ', '+') + "{} HTTP/1.1\r\n"
				+ "Host: x\r\nConnection: close\r\n\r\n").status()).isEqualTo(400);
		assertThat(RawHttp.send(port, "GET /api/chat?dob=" + DOB + "%zz" + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
				+ "X-Patient: " + NAME + "\r\n\r\n").status()).isIn(400, 405);
		String badForm = "Body=%zz" + SENDER + "&From=%2B1";
		assertThat(RawHttp.send(port, "POST /webhooks/sms?From=" + SENDER + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: x\r\nContent-Length: "
				+ badForm.length() + "\r\n\r\n" + badForm).status()).isIn(400, 403);
		assertThat(RawHttp.send(port, "POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + NAME + "\r\n").status())
			.isEqualTo(400);
	}

	private void stubPlatformsAndModel() {
		PLATFORMS.resetAll();
		Webhooks.acceptSends(PLATFORMS);
		// Messenger's send API fails for good: a failed reply is logged (without the message or the recipient).
		PLATFORMS.stubFor(post(urlPathEqualTo("/v23.0/me/messages")).atPriority(1)
			.willReturn(aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"" + NAME + "\"}}")));
		PLATFORMS.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiStubs.stream("Upon healing, you will have one small scar on your side [1]."))));
		PLATFORMS.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(OpenAiStubs.completion("What are pedicle screws?"))));
		// The model fails on one question: the fallback is logged (without the question).
		PLATFORMS.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
			.withRequestBody(containing("pedicle"))
			.willReturn(aResponse().withStatus(500).withBody(NAME)));
	}

	/** Everything a log event holds: message, arguments, MDC, exceptions with their messages and causes. */
	private static String everything(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
		if (event.getArgumentArray() != null) {
			for (Object argument : event.getArgumentArray()) {
				text.append(' ').append(argument);
			}
		}
		text.append(' ').append(event.getMDCPropertyMap());
		for (IThrowableProxy throwable = event.getThrowableProxy(); throwable != null; throwable = throwable.getCause()) {
			text.append(' ').append(throwable.getClassName()).append(": ").append(throwable.getMessage());
			for (StackTraceElementProxy frame : throwable.getStackTraceElementProxyArray()) {
				text.append(' ').append(frame);
			}
		}
		return text.toString();
	}

}
