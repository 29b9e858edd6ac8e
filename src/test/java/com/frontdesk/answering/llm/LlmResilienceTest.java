package com.frontdesk.answering.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * What keeps the patient answered when the model is in trouble, with WireMock standing in for an OpenAI-compatible
 * server: the circuit breaker, the {@code llm} health component (also when the key is missing), and streamed
 * answers over {@code POST /api/chat/stream} (tokens as the model writes them, a draft withdrawn and replaced when it
 * breaks the guard). Each nested class runs its own application context with its own settings.
 */
@NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
class LlmResilienceTest {

	static final WireMockServer MODEL = new WireMockServer(wireMockConfig().dynamicPort());

	static final String COMPLETIONS = "/v1/chat/completions";

	static final String QUESTION = "what are pedicle screws?";

	static {
		MODEL.start();
	}

	@AfterAll
	static void stop() {
		MODEL.stop();
	}

	static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	static int modelCalls() {
		return MODEL.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))).size();
	}

	/** The embedded answer names its source without a number; a model's answer cites "[1]". */
	static void assertEmbeddedAnswer(JsonNode reply) {
		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion – ").doesNotContain("[1]");
	}

	static JsonNode llmHealth(ChatClient client, String expectedState) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode health;
		do {
			ChatClient.Response response = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/actuator/health"))
				.header("Authorization", AdminLogin.header())
				.build());
			assertThat(response.status()).isEqualTo(200);
			health = response.json();
			if (expectedState.equals(health.path("components").path("llm").path("details").path("state").asString(""))) {
				break;
			}
			sleep(100);
		}
		while (System.nanoTime() < deadline);
		return health;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Two failing turns open the breaker for 2 s. Every test starts from a fresh context, so from a closed breaker.
	 */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key",
					"frontdesk.llm.model=test-model", "frontdesk.llm.first-token-timeout=1s", "frontdesk.llm.timeout=3s",
					"frontdesk.llm.max-retry-wait=100ms", "frontdesk.llm.breaker-failures=2",
					"frontdesk.llm.breaker-open-for=2s", AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
	@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
	class CircuitBreaker {

		@DynamicPropertySource
		static void model(DynamicPropertyRegistry registry) {
			registry.add("frontdesk.llm.base-url", () -> MODEL.baseUrl() + "/v1");
		}

		@LocalServerPort
		int port;

		@BeforeEach
		void reset() {
			MODEL.resetAll();
		}

		ChatClient client() {
			return new ChatClient(port);
		}

		@Test
		void anOpenBreakerStopsCallingTheModelAndOneTrialCallClosesItAgain() {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)));

			assertEmbeddedAnswer(client().chat(null, QUESTION).json());
			assertEmbeddedAnswer(client().chat(null, QUESTION).json());
			int callsWhenOpened = modelCalls();
			assertThat(callsWhenOpened).as("2 failing turns, each tried twice").isEqualTo(4);

			for (int i = 0; i < 3; i++) {
				long started = System.nanoTime();
				JsonNode reply = client().chat(null, QUESTION).json();
				assertEmbeddedAnswer(reply);
				assertThat((System.nanoTime() - started) / 1_000_000).as("an open breaker costs no model latency")
					.isLessThan(500);
			}
			assertThat(modelCalls()).as("no call while the breaker is open").isEqualTo(callsWhenOpened);

			MODEL.resetAll();
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS))
				.willReturn(sse(OpenAiStubs.stream("Your surgeon places screws called pedicle screws into the bones [1]."))));
			sleep(2_200);

			JsonNode trial = client().chat(null, QUESTION).json();
			assertThat(trial.get("reply").stringValue())
				.startsWith("Your surgeon places screws called pedicle screws into the bones [1].");
			assertThat(modelCalls()).as("one trial call after the open period").isEqualTo(1);

			JsonNode next = client().chat(null, QUESTION).json();
			assertThat(next.get("reply").stringValue()).startsWith("Your surgeon places screws called pedicle screws");
			assertThat(modelCalls()).as("the breaker is closed again: every turn calls the model").isEqualTo(2);
		}

		@Test
		void aFailedTrialCallOpensTheBreakerAgainAtOnce() {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
			client().chat(null, QUESTION);
			client().chat(null, QUESTION);
			sleep(2_200);
			int before = modelCalls();

			assertEmbeddedAnswer(client().chat(null, QUESTION).json());
			assertThat(modelCalls() - before).as("the trial call (tried twice)").isEqualTo(2);
			assertEmbeddedAnswer(client().chat(null, QUESTION).json());
			assertThat(modelCalls() - before).as("open again after one failed trial").isEqualTo(2);
		}

		@Test
		void afterTheOpenPeriodOnlyOneTrialCallGoesThroughEvenWhenManyPatientsAsk() throws Exception {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)));
			client().chat(null, QUESTION);
			client().chat(null, QUESTION);
			sleep(2_200);
			MODEL.resetAll();
			// The model is still down and slow to say so: the trial call takes a while.
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500).withFixedDelay(300)));

			List<JsonNode> replies = new ArrayList<>();
			try (ExecutorService patients = Executors.newFixedThreadPool(6)) {
				List<Future<JsonNode>> futures = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					futures.add(patients.submit(() -> client().chat(null, QUESTION).json()));
				}
				for (Future<JsonNode> future : futures) {
					replies.add(future.get());
				}
			}

			replies.forEach(LlmResilienceTest::assertEmbeddedAnswer);
			assertThat(modelCalls()).as("model requests after the open period: one trial call (tried twice), not one per patient")
				.isLessThanOrEqualTo(2);
		}

		@Test
		void healthShowsTheProviderTheModelAndTheState() {
			JsonNode health = llmHealth(client(), "reachable");

			assertThat(health.get("status").stringValue()).isEqualTo("UP");
			JsonNode llm = health.get("components").get("llm");
			assertThat(llm.get("status").stringValue()).isEqualTo("UP");
			assertThat(llm.get("details").get("provider").stringValue()).isEqualTo("openai");
			assertThat(llm.get("details").get("model").stringValue()).isEqualTo("test-model");
			assertThat(llm.get("details").get("state").stringValue()).isEqualTo("reachable");
			assertThat(llm.get("details").has("problem")).isFalse();
			assertThat(llm.toString()).doesNotContain("test-key");
		}

	}

	/** provider=openai with no key and OpenAI's own URL: reported, and every answer is embedded. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=", "frontdesk.llm.base-url=",
					AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
	class MissingKey {

		@LocalServerPort
		int port;

		@Test
		void healthSaysMisconfiguredNamingTheKeyAndTheServiceStaysUp() {
			JsonNode health = llmHealth(new ChatClient(port), "misconfigured");

			assertThat(health.get("status").stringValue()).isEqualTo("UP");
			JsonNode llm = health.get("components").get("llm");
			assertThat(llm.get("status").stringValue()).isEqualTo("UP");
			assertThat(llm.get("details").get("provider").stringValue()).isEqualTo("openai");
			assertThat(llm.get("details").get("model").stringValue()).isEqualTo("gpt-4o-mini");
			assertThat(llm.get("details").get("state").stringValue()).isEqualTo("misconfigured");
			assertThat(llm.get("details").get("problem").stringValue()).contains("FRONTDESK_LLM_API_KEY");
		}

		@Autowired
		MeterRegistry metrics;

		/** Without a key the model is never called, so the patient never waits for it to fail. */
		@Test
		void chatsStillAnswerWithTheEmbeddedAnswer() {
			JsonNode reply = new ChatClient(port).chat(null, QUESTION).json();

			assertEmbeddedAnswer(reply);
			assertThat(reply.get("citations")).isNotEmpty();
			assertThat(metrics.find("frontdesk.llm.calls").counters()).isEmpty();
			assertThat(metrics.find("frontdesk.llm.retries").counters()).isEmpty();
		}

		@Test
		void streamedChatsStillAnswerWithTheEmbeddedAnswer() {
			List<StreamEvent> events = StreamEvent.post(port, QUESTION);

			assertThat(events).extracting(StreamEvent::name).startsWith("meta").endsWith("citations", "actions", "done");
			JsonNode done = events.getLast().data();
			assertEmbeddedAnswer(done);
			assertThat(StreamEvent.tokens(events)).isEqualTo(done.get("reply").stringValue());
		}

	}

	/** Streamed answers over POST /api/chat/stream. */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key",
					"frontdesk.llm.model=test-model", "frontdesk.llm.first-token-timeout=1s", "frontdesk.llm.timeout=5s",
					"frontdesk.llm.max-retry-wait=100ms", "frontdesk.llm.breaker-failures=100" })
	class Streaming {

		@DynamicPropertySource
		static void model(DynamicPropertyRegistry registry) {
			registry.add("frontdesk.llm.base-url", () -> MODEL.baseUrl() + "/v1");
		}

		@LocalServerPort
		int port;

		@BeforeEach
		void reset() {
			MODEL.resetAll();
		}

		@Test
		void tokensArriveWhileTheModelWritesThenCitationsActionsAndTheCompleteReply() {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(sse(OpenAiStubs.stream(
					"On the back part of your spine, ", "your surgeon makes four small poke-hole incisions ",
					"and places screws called pedicle screws into the bones [1]. ",
					"Connecting rods are inserted into the screws ", "to give your spine extra stability [1]. ",
					"This holds everything in place while your spine heals [1]."))
				.withChunkedDribbleDelay(12, 1500)));

			List<StreamEvent> events = StreamEvent.post(port, QUESTION);

			assertThat(events).extracting(StreamEvent::name).startsWith("meta").endsWith("citations", "actions", "done");
			List<StreamEvent> tokens = events.stream().filter(e -> e.name().equals("token")).toList();
			assertThat(tokens).as("one token per checked sentence, and the source line").hasSizeGreaterThanOrEqualTo(3);
			StreamEvent done = events.getLast();
			assertThat(tokens.getFirst().atMillis()).as("the first sentence arrives while the model is still writing")
				.isLessThan(done.atMillis() - 500);
			JsonNode reply = done.data();
			assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
			assertThat(reply.get("reply").stringValue())
				.startsWith("On the back part of your spine, your surgeon makes four small poke-hole incisions and places "
						+ "screws called pedicle screws into the bones [1]. Connecting rods")
				.endsWith("Source: [1] Minimally Invasive Lateral Fusion – How the procedure works > Pedicle screws and rods");
			assertThat(StreamEvent.tokens(events)).isEqualTo(reply.get("reply").stringValue());
			assertThat(reply.get("conversationId").stringValue())
				.isEqualTo(events.getFirst().data().get("conversationId").stringValue());
			JsonNode citations = events.get(events.size() - 3).data();
			assertThat(citations).hasSize(1);
			assertThat(citations.get(0).get("section").stringValue()).endsWith("Pedicle screws and rods");
			assertThat(citations).isEqualTo(reply.get("citations"));
			assertThat(events.get(events.size() - 2).data()).isEqualTo(reply.get("actions"));
		}

		@Test
		void aSentenceThatBreaksTheGuardIsNeverStreamedAndTheEmbeddedAnswerStreamsAfterARestart() {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(sse(OpenAiStubs.stream(
					"Bone growth may take several months [1]. ", "Most patients are back at work in ", "6 weeks [1]. ",
					"Your scars will fade [1]."))));

			List<StreamEvent> events = StreamEvent.post(port, "how long does it take for the bones to heal?");

			String tokens = StreamEvent.tokens(events);
			assertThat(tokens).doesNotContain("6 weeks").doesNotContain("back at work");
			assertThat(tokens).as("the first sentence passed the guard and was streamed").contains("several months [1]");
			JsonNode done = events.getLast().data();
			assertThat(events.getLast().name()).isEqualTo("done");
			assertThat(done.get("intent").stringValue()).isEqualTo("answer");
			assertThat(done.get("reply").stringValue()).doesNotContain("6 weeks").doesNotContain("[1]")
				.contains("several months").contains("Source: Minimally Invasive Lateral Fusion – ");
			assertThat(events).extracting(StreamEvent::name).doesNotContain("error");
			assertThat(events.get(events.size() - 3).data()).isEqualTo(done.get("citations"));
			assertThat(events).extracting(StreamEvent::name).as("the streamed draft is withdrawn").contains("restart");
			assertThat(StreamEvent.tokensAfterTheLastRestart(events)).isEqualTo(done.get("reply").stringValue());
		}

		@Test
		void aModelThatFailsBeforeTheFirstTokenStreamsTheEmbeddedAnswer() {
			MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(500)));

			List<StreamEvent> events = StreamEvent.post(port, QUESTION);

			JsonNode done = events.getLast().data();
			assertEmbeddedAnswer(done);
			assertThat(StreamEvent.tokens(events)).isEqualTo(done.get("reply").stringValue());
			assertThat(events).extracting(StreamEvent::name).doesNotContain("error");
		}

	}

}
