package com.frontdesk.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.channels.messaging.Eventually;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * "Talk to a person" on the website: the practice is told once, staff reply and own the conversation (the assistant
 * stays quiet, emergencies still answered at once), and hand it back or close it — over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
@Import(HumanHandoffTest.Requests.class)
class HumanHandoffTest {

	static final WireMockServer practice = new WireMockServer(options().dynamicPort());

	static {
		practice.start();
		practice.stubFor(post("/notices").willReturn(aResponse().withStatus(204)));
	}

	@DynamicPropertySource
	static void practiceWebhook(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.notifications.webhook.url", () -> practice.baseUrl() + "/notices");
		registry.add("frontdesk.notifications.webhook.secret", () -> "handoff-test-secret");
		registry.add("frontdesk.notifications.poll-interval", () -> "100ms");
	}

	@AfterAll
	static void stop() {
		practice.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Requests requests;

	ChatClient client;

	@BeforeEach
	void connect() {
		client = new ChatClient(port);
	}

	@Test
	void askingForAPersonTellsThePracticeOnceAndThePatientWhatHappensNext() {
		String id = client.chat(null, "What is lateral fusion?").json().get("conversationId").stringValue();

		JsonNode first = client.chat(id, "Can I talk to a real person please?").json();
		JsonNode again = client.chat(id, "I want to speak with someone").json();

		assertThat(first.get("intent").stringValue()).isEqualTo("handoff");
		assertThat(first.get("reply").stringValue()).contains("asked the team").contains("reply here")
			.contains("+1-555-0100");
		assertThat(again.get("intent").stringValue()).isEqualTo("handoff");
		assertThat(again.get("reply").stringValue()).contains("already knows");
		assertThat(requests.of(id)).hasSize(1);
		assertThat(history(id).get("owner").stringValue()).isEqualTo("waiting_for_staff");
		JsonNode waiting = waiting(id);
		assertThat(waiting.get("owner").stringValue()).isEqualTo("waiting_for_staff");
		assertThat(waiting.get("channel").stringValue()).isEqualTo("web");
		assertThat(waiting.get("lastMessage").stringValue()).isEqualTo("I want to speak with someone");
		assertThat(waiting.get("requestedAt").isNull()).isFalse();
	}

	@Test
	void concurrentRequestsForAPersonNotifyThePracticeExactlyOnce() throws Exception {
		String id = client.chat(null, "hello").json().get("conversationId").stringValue();
		int patients = 12;
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(patients)) {
			List<Future<String>> intents = new java.util.ArrayList<>();
			for (int i = 0; i < patients; i++) {
				intents.add(pool.submit(() -> {
					start.await();
					return client.chat(id, "talk to a human").json().get("intent").stringValue();
				}));
			}
			start.countDown();
			for (Future<String> intent : intents) {
				assertThat(intent.get()).isEqualTo("handoff");
			}
		}
		assertThat(requests.of(id)).hasSize(1);
		Eventually.until("the practice's webhook hears of the handoff", () -> noticesAbout(id) > 0);
		Eventually.settle();
		assertThat(noticesAbout(id)).isEqualTo(1);
	}

	private static long noticesAbout(String conversationId) {
		return practice.findAll(postRequestedFor(urlEqualTo("/notices")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.filter(body -> body.contains("\"handoff_requested\"") && body.contains(conversationId))
			.count();
	}

	@Test
	void whileWaitingTheAssistantStillAnswersQuestions() {
		String id = client.chat(null, "talk to a person").json().get("conversationId").stringValue();

		JsonNode answer = client.chat(id, "Does lateral fusion leave a big scar?").json();

		assertThat(answer.get("intent").stringValue()).isEqualTo("answer");
		assertThat(answer.get("citations").size()).isPositive();
	}

	@Test
	void onceStaffReplyTheAssistantStaysQuietButEmergenciesAreStillAnswered() {
		String id = client.chat(null, "talk to a person").json().get("conversationId").stringValue();
		String asked = waiting(id).get("requestedAt").stringValue();

		assertThat(admin("POST", "/api/admin/conversations/" + id + "/messages", "{\"text\": \"Hi, this is Dana from the office.\"}").status())
			.isEqualTo(204);
		JsonNode quiet = client.chat(id, "What is lateral fusion?").json();
		JsonNode emergency = client.chat(id, "I suddenly can't feel my legs and can't control my bladder").json();

		assertThat(quiet.get("reply").stringValue()).isEmpty();
		assertThat(quiet.get("intent").stringValue()).isEqualTo("handoff");
		assertThat(emergency.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(emergency.get("reply").stringValue()).contains("911");
		JsonNode history = history(id);
		assertThat(history.get("owner").stringValue()).isEqualTo("staff");
		JsonNode turns = history.get("turns");
		assertThat(turns.get(1).get("author").stringValue()).isEqualTo("staff");
		assertThat(turns.get(1).get("reply").stringValue()).isEqualTo("Hi, this is Dana from the office.");
		assertThat(turns.get(1).get("question").stringValue()).isEmpty();
		assertThat(turns.get(2).get("author").stringValue()).isEqualTo("pending");
		assertThat(turns.get(2).get("question").stringValue()).isEqualTo("What is lateral fusion?");
		assertThat(waiting(id).get("owner").stringValue()).isEqualTo("staff");
		assertThat(waiting(id).get("requestedAt").stringValue()).as("when the patient asked, not when staff replied")
			.isEqualTo(asked);
	}

	@Test
	void handingBackLetsTheAssistantAnswerAgain() {
		String id = client.chat(null, "talk to a person").json().get("conversationId").stringValue();
		admin("POST", "/api/admin/conversations/" + id + "/messages", "{\"text\": \"Let me check that.\"}");

		assertThat(admin("POST", "/api/admin/conversations/" + id + "/release", null).status()).isEqualTo(204);
		JsonNode answer = client.chat(id, "Does lateral fusion leave a big scar?").json();

		assertThat(answer.get("intent").stringValue()).isEqualTo("answer");
		JsonNode turns = history(id).get("turns");
		assertThat(turns.get(2).get("reply").stringValue()).contains("handed this conversation back");
		assertThat(history(id).get("owner").stringValue()).isEqualTo("bot");
		assertThat(handoffs()).noneMatch(row -> row.get("conversationId").stringValue().equals(id));
	}

	@Test
	void aPatientWhoWritesSpanishIsToldInSpanishThatTheTeamHandedTheConversationBack() {
		JsonNode asked = client.chat(null, "quiero hablar con una persona, por favor").json();
		String id = asked.get("conversationId").stringValue();
		admin("POST", "/api/admin/conversations/" + id + "/messages", "{\"text\": \"Un momento.\"}");

		assertThat(asked.get("reply").stringValue()).startsWith("He pedido al equipo de Sample Spine Practice")
			.as("when to expect a reply, open or closed, is said in Spanish too")
			.doesNotContainPattern("\\b(today|tomorrow|after|on Monday|[ap]m)\\b");
		assertThat(admin("POST", "/api/admin/conversations/" + id + "/release", null).status()).isEqualTo(204);
		assertThat(history(id).get("turns").get(2).get("reply").stringValue())
			.startsWith("El equipo de Sample Spine Practice ha devuelto esta conversación al asistente virtual");
	}

	@Test
	void aClosedConversationIsAnsweredByTheAssistantWhenThePatientWritesAgain() {
		String id = client.chat(null, "talk to a person").json().get("conversationId").stringValue();

		assertThat(admin("POST", "/api/admin/conversations/" + id + "/close", null).status()).isEqualTo(204);
		assertThat(history(id).get("owner").stringValue()).isEqualTo("closed");
		JsonNode answer = client.chat(id, "Does lateral fusion leave a big scar?").json();
		JsonNode handoff = client.chat(id, "talk to a person again please").json();

		assertThat(answer.get("intent").stringValue()).isEqualTo("answer");
		assertThat(handoff.get("reply").stringValue()).contains("asked the team");
		assertThat(requests.of(id)).hasSize(2);
	}

	@Test
	void staffEndpointsRefuseWithoutCredentialsAndCheckTheirInput() {
		String id = client.chat(null, "talk to a person").json().get("conversationId").stringValue();

		Response anonymous = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/conversations/" + id + "/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}"))
			.build());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/handoffs")).build()).status())
			.isEqualTo(401);
		assertThat(admin("POST", "/api/admin/conversations/" + id + "/messages", "{\"text\": \"   \"}").status()).isEqualTo(400);
		assertThat(admin("POST", "/api/admin/conversations/" + id + "/messages", "{\"text\": \"" + "a".repeat(2001) + "\"}").status())
			.isEqualTo(400);
		assertThat(admin("POST", "/api/admin/conversations/" + id + "/messages", "not json").status()).isEqualTo(400);
		Response unknown = admin("POST", "/api/admin/conversations/no-such-id/messages", "{\"text\": \"hi\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(admin("POST", "/api/admin/conversations/no-such-id/release", null).status()).isEqualTo(404);
		assertThat(history(id).get("owner").stringValue()).isEqualTo("waiting_for_staff");
	}

	private JsonNode waiting(String id) {
		return handoffs().stream()
			.filter(row -> row.get("conversationId").stringValue().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in the handoff list: " + id));
	}

	private List<JsonNode> handoffs() {
		Response response = admin("GET", "/api/admin/handoffs", null);
		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> rows = new java.util.ArrayList<>();
		response.json().forEach(rows::add);
		return rows;
	}

	private JsonNode history(String id) {
		return client.get("/api/conversations/" + id).json();
	}

	private Response admin(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", AdminLogin.header())
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return client.send(request.build());
	}

	/** Hears the handoff requests the practice is told about. */
	@TestConfiguration
	static class Requests {

		private final List<HandoffRequested> heard = new CopyOnWriteArrayList<>();

		@EventListener
		void on(HandoffRequested request) {
			heard.add(request);
		}

		List<HandoffRequested> of(String conversationId) {
			return heard.stream().filter(request -> request.conversationId().equals(conversationId)).toList();
		}

	}

}
