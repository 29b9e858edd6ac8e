package com.frontdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient asks to be called back through {@code POST /api/callbacks}, over real HTTP, on a Tuesday at 10 am at
 * the practice: stored with the consent's wording and time, told when to expect the call, repeats merged, and
 * every wrong input refused with a problem that names the field and repeats nothing of what was sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class CallbackApiTest {

	/** Tuesday 24 November 2026, 10 am in New York. */
	static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T15:00:00Z");

	@TestConfiguration
	static class TuesdayMorning {

		@Bean
		@Primary
		Clock tuesdayMorning() {
			return Clock.fixed(TUESDAY_MORNING, ZoneOffset.UTC);
		}

	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CallbackRequests callbacks;

	ConsentWording consent;

	@org.junit.jupiter.api.BeforeEach
	void defaultPracticesWording() {
		consent = callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT);
	}

	@Test
	void aPatientWhoWantsToBookIsOfferedACallbackAndToldWhenToExpectIt() {
		Response booking = client().chat(null, "I want to book a consultation");
		assertThat(booking.json().get("actions").findValuesAsString("type")).containsExactly("book", "call", "callback");
		assertThat(booking.json().get("actions").get(2).get("label").stringValue()).isEqualTo("Request a call back");
		String conversation = booking.text("conversationId");

		Response form = client().get("/api/callbacks/form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text("consentText")).startsWith("I agree that Sample Spine Practice may contact me");
		assertThat(form.json().get("preferredTimes").findValuesAsString("value"))
			.containsExactly("morning", "afternoon", "evening", "any");
		assertThat(form.text("expectCall")).isEqualTo("today, usually within 2 hours");
		assertThat(form.json().get("openNow").booleanValue()).isTrue();

		Response received = submit(request(conversation, "Ana García", "(650) 555-1234"), "key-" + conversation);

		assertThat(received.status()).isEqualTo(201);
		assertThat(received.text("status")).isEqualTo("received");
		assertThat(received.text("expectCall")).isEqualTo("today, usually within 2 hours");
		assertThat(received.text("message"))
			.isEqualTo("Thank you, we have your request. We will call you back today, usually within 2 hours. "
					+ "Same-day appointments are often available: ask when we call.");
		assertThat(form.json().get("sameDayAppointments").booleanValue())
			.as("the practice's page says same-day appointments are available").isTrue();
		Map<String, Object> row = row(received.text("id"));
		assertThat(row).containsEntry("name", "Ana García")
			.containsEntry("phone", "+16505551234")
			.containsEntry("email", "ana@example.org")
			.containsEntry("preferred_time", "morning")
			.containsEntry("reason", "Questions about lateral fusion, before my MRI")
			.containsEntry("channel", "web")
			.containsEntry("conversation_id", conversation)
			.containsEntry("status", "open")
			.containsEntry("consent_text", form.text("consentText"));
		assertThat(jdbc.sql("select consent_at from callback_request where id = ?")
			.param(received.text("id"))
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(TUESDAY_MORNING);
		assertThat(jdbc.sql("select count(*) from practice_notice where type = 'callback_request' and reference = ?")
			.param(received.text("id"))
			.query(Integer.class)
			.single()).as("the notice to the practice is in the outbox").isEqualTo(1);
	}

	@Test
	void aDoubleClickIsOneRequest() throws Exception {
		String conversation = client().chat(null, "please call me back").text("conversationId");
		Map<String, Object> body = request(conversation, "Ben Okafor", "+1 415 555 0199");
		List<Response> responses;
		try (ExecutorService clicks = Executors.newFixedThreadPool(4)) {
			Callable<Response> click = () -> submit(body, "double-click-" + conversation);
			List<Future<Response>> futures = clicks.invokeAll(List.of(click, click, click, click));
			responses = futures.stream().map(CallbackApiTest::get).toList();
		}

		assertThat(responses).extracting(Response::status).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(responses).extracting(r -> r.text("id")).containsOnly(responses.get(0).text("id"));
		assertThat(requestsFor("+14155550199")).isEqualTo(1);
	}

	@Test
	void aResentFormFromTheSameConversationIsTheSameRequest() {
		String conversation = client().chat(null, "can someone call me").text("conversationId");

		Response first = submit(request(conversation, "Chen Wei", "415-555-0142"), null);
		Response again = submit(request(conversation, "Chen Wei", "(415) 555 0142"), null);
		Response otherKey = submit(request(conversation, "Chen Wei", "4155550142"), "another-key-" + conversation);
		Response otherPhone = submit(request(conversation, "Chen Wei", "415-555-0143"), null);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("id")).isEqualTo(first.text("id"));
		assertThat(otherKey.status()).isEqualTo(200);
		assertThat(otherKey.text("id")).isEqualTo(first.text("id"));
		assertThat(otherPhone.status()).as("another number is another request").isEqualTo(201);
		assertThat(requestsFor("+14155550142")).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyUsedForAnotherRequestIsRefused() {
		String key = "reused-" + System.nanoTime();
		assertThat(submit(request(null, "Dana Ruiz", "212 555 0100"), key).status()).isEqualTo(201);

		Response other = submit(request(null, "Eve Stone", "212 555 0101"), key);

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.body()).doesNotContain("Eve").doesNotContain("0101");
	}

	@Test
	void invalidInputIsA400ProblemNamingTheFieldsAndRepeatingNothing() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "   ");
		body.put("phone", "555-CALL-NOW");
		body.put("email", "mallory@@example");
		body.put("preferredTime", "midnight");
		body.put("reason", "r".repeat(501));
		body.put("consent", false);
		body.put("consentVersion", consent.version());

		Response response = submit(body, "bad key with spaces");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").stringValue()).isEqualTo("urn:frontdesk:problem:invalid-callback-request");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "phone",
				"email", "preferredTime", "reason", "consent", "Idempotency-Key");
		assertThat(response.json().get("errors").findValuesAsString("pointer")).contains("#/phone");
		assertThat(response.body()).doesNotContain("555-CALL-NOW")
			.doesNotContain("mallory")
			.doesNotContain("midnight")
			.doesNotContain("rrrrr")
			.doesNotContain("bad key");
	}

	@Test
	void wrongTypesAndShapesAreProblemsNeverErrors() {
		assertProblem(post("{\"name\": 42, \"phone\": [\"650\"], \"consent\": \"yes\"}"), 400, "name", "phone", "consent");
		assertProblem(post("[]"), 400);
		assertProblem(post("\"just text\""), 400);
		assertProblem(post("{\"name\": \"Ana\""), 400);
		assertProblem(post("{}"), 400, "name", "phone", "consent", "consentVersion");
		Response form = client().post("/api/callbacks", "name=Ana", "application/x-www-form-urlencoded");
		assertThat(form.status()).isEqualTo(415);
		assertThat(client().get("/api/callbacks").status()).isEqualTo(405);
	}

	@Test
	void consentMustBeGivenToTheWordingShown() {
		Map<String, Object> noConsent = request(null, "Finn Berg", "303 555 0110");
		noConsent.put("consent", null);
		assertProblem(submit(noConsent, null), 400, "consent");

		Map<String, Object> oldWording = request(null, "Finn Berg", "303 555 0110");
		oldWording.put("consentVersion", "c-000000000000");
		Response changed = submit(oldWording, null);

		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.text("consentText")).isEqualTo(consent.text());
		assertThat(changed.text("consentVersion")).isEqualTo(consent.version());
		assertThat(requestsFor("+13035550110")).isZero();
	}

	@Test
	void aPatientReadingSpanishIsToldInSpanishWhenToExpectTheCallAndWhatToDoNowIfUrgent() {
		Map<String, Object> body = request(null, "Rosa Díaz", "303 555 0117");
		body.put("language", "es-MX");
		body.put("consentVersion", callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT, true).version());
		body.put("reason", "Tengo las piernas dormidas y no puedo controlar la vejiga");

		Response received = submit(body, null);

		assertThat(received.status()).isEqualTo(201);
		assertThat(received.json().get("emergency").booleanValue()).isTrue();
		assertThat(received.text("message")).startsWith("Lo que ha escrito podría ser una emergencia médica: llame al 911 ahora")
			.contains("Gracias, hemos recibido su solicitud.")
			.contains("Le llamaremos hoy, normalmente en menos de 2 horas.")
			.doesNotContain("call you back");
		assertThat(received.text("expectCall")).isEqualTo("hoy, normalmente en menos de 2 horas");

		Map<String, Object> notString = request(null, "Rosa Díaz", "303 555 0118");
		notString.put("language", 7);
		assertProblem(submit(notString, null), 400, "language");
	}

	@Test
	void aReasonDescribingAnEmergencySaysToCallTheEmergencyNumberNow() {
		Map<String, Object> body = request(null, "Hugo Lind", "303 555 0112");
		body.put("reason", "My legs went numb suddenly and I lost bladder control");

		Response received = submit(body, null);

		assertThat(received.status()).as("the request is kept all the same").isEqualTo(201);
		assertThat(received.json().get("emergency").booleanValue()).isTrue();
		assertThat(received.text("message")).startsWith("What you wrote could be a medical emergency: call 911 now")
			.contains("Do not wait for our call.");
		assertThat(jdbc.sql("select payload from practice_notice where reference = ?")
			.param(received.text("id"))
			.query(String.class)
			.single()).contains("The reason mentions possible emergency symptoms");
		assertThat(submit(request(null, "Ida Berg", "303 555 0113"), null).json().get("emergency").booleanValue())
			.isFalse();
	}

	@Test
	void thePracticesSiteMaySendAnIdempotencyKeyAcrossOrigins() throws Exception {
		HttpRequest preflight = HttpRequest.newBuilder(URI.create(client().base() + "/api/callbacks"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://www.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type,idempotency-key")
			.build();
		HttpResponse<Void> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
			.containsIgnoringCase("idempotency-key");
	}

	@Test
	void healthShowsTheNoticesWaitingForThePractice() {
		JsonNode health = client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.header("Authorization", AdminLogin.header())
			.build()).json();

		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		JsonNode notices = health.get("components").get("practiceNotifications");
		assertThat(notices.get("status").stringValue()).isEqualTo("UP");
		assertThat(notices.get("details").get("targets").isArray()).isTrue();
		assertThat(notices.get("details").get("backlog").isNumber()).isTrue();
	}

	@Test
	void anUnknownConversationIsRefused() {
		assertProblem(submit(request("6f1c3c2e-8a43-4c43-a3a4-0c9f4b8f0e51", "Gil Park", "303 555 0111"), null), 400,
				"conversationId");
		assertProblem(submit(request("x".repeat(300), "Gil Park", "303 555 0111"), null), 400, "conversationId");
	}

	@Test
	void aPatientWhoReadsSpanishConfirmsAndIsStoredWithTheSpanishConsent() {
		Response form = client().get("/api/callbacks/form?language=es-MX");
		assertThat(form.text("consentText")).startsWith("Acepto que Sample Spine Practice me contacte");
		assertThat(form.text("consentVersion")).isNotEqualTo(consent.version());
		assertThat(form.json().get("preferredTimes").findValuesAsString("label"))
			.containsExactly("Por la mañana", "Por la tarde", "Por la noche", "A cualquier hora");
		assertThat(form.text("expectCall")).isEqualTo("hoy, normalmente en menos de 2 horas");

		Map<String, Object> mistyped = request(null, "Marta Ruiz", "555 01");
		mistyped.put("language", "es");
		mistyped.put("consentVersion", form.text("consentVersion"));
		mistyped.put("email", "marta@");
		Response invalid = submit(mistyped, null);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("detail")).as("said at each field in Spanish")
			.containsExactlyInAnyOrder("Este número de teléfono es demasiado corto: incluya el código de área.",
					"Escriba un correo electrónico válido, o déjelo vacío.");

		Map<String, Object> shownInEnglish = request(null, "Marta Ruiz", "(650) 555-1299");
		shownInEnglish.put("language", "es");
		Response refused = submit(shownInEnglish, null);
		assertThat(refused.status()).as("the version of the English wording is not consent to the Spanish one")
			.isEqualTo(409);
		assertThat(refused.text("consentText")).isEqualTo(form.text("consentText"));

		Map<String, Object> shownInSpanish = request(null, "Marta Ruiz", "(650) 555-1299");
		shownInSpanish.put("language", "es");
		shownInSpanish.put("consentVersion", form.text("consentVersion"));
		Response received = submit(shownInSpanish, null);
		assertThat(received.status()).isEqualTo(201);
		assertThat(received.text("message")).startsWith("Gracias, hemos recibido su solicitud.");
		assertThat(row(received.text("id"))).containsEntry("consent_text", form.text("consentText"));
	}

	private Map<String, Object> request(String conversation, String name, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversation);
		body.put("name", name);
		body.put("phone", phone);
		body.put("email", "ana@example.org");
		body.put("preferredTime", "morning");
		body.put("reason", "Questions about lateral fusion, before my MRI");
		body.put("consent", true);
		body.put("consentVersion", consent.version());
		return body;
	}

	private Response submit(Map<String, Object> body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client().base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return client().send(request.build());
	}

	private Response post(String json) {
		return client().post("/api/callbacks", json, "application/json");
	}

	private static void assertProblem(Response response, int status, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		if (fields.length > 0) {
			JsonNode errors = response.json().get("errors");
			assertThat(errors.findValuesAsString("field")).contains(fields);
		}
	}

	private Map<String, Object> row(String id) {
		return jdbc.sql("select * from callback_request where id = ?").param(id).query().singleRow();
	}

	private int requestsFor(String phone) {
		return jdbc.sql("select count(*) from callback_request where phone = ?").param(phone).query(Integer.class).single();
	}

	private ChatClient client() {
		return new ChatClient(port);
	}

	private static Response get(Future<Response> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
