package com.frontdesk.answering.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers written by an Anthropic model, with WireMock standing in for the real Messages API ({@code /v1/messages}):
 * the streamed answer as Anthropic's server-sent events, the condensing of a follow-up as one JSON message, the
 * headers and body the service sends, and the embedded answer when Anthropic is rate limited, overloaded or slow.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=anthropic", "frontdesk.llm.api-key=test-anthropic-key",
				"frontdesk.llm.model=test-model", "frontdesk.llm.first-token-timeout=1s", "frontdesk.llm.timeout=3s",
				"frontdesk.llm.max-retry-wait=1s", "frontdesk.llm.breaker-failures=100" })
class AnthropicAnswersTest {

	static final WireMockServer ANTHROPIC = new WireMockServer(wireMockConfig().dynamicPort());

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String MESSAGES = "/v1/messages";

	static {
		ANTHROPIC.start();
	}

	@DynamicPropertySource
	static void anthropic(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> ANTHROPIC.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		ANTHROPIC.stop();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		ANTHROPIC.resetAll();
	}

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void theModelAnswersFromThePassagesWithNumberedCitations() {
		streamAnswer("Upon healing, you will have one small scar ", "on your side [1]. ",
				"There are also small scars on your back [1].");

		JsonNode reply = client().chat(null, "Will lateral fusion leave a big scar?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue())
			.startsWith("Upon healing, you will have one small scar on your side [1]. There are also small scars on your back [1].")
			.contains("Source: [1] Minimally Invasive Lateral Fusion – Scars");
		assertThat(reply.get("citations")).hasSize(1);
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		LoggedRequest request = onlyMessagesRequest();
		assertThat(request.getHeader("x-api-key")).isEqualTo("test-anthropic-key");
		assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode body = JSON.readTree(request.getBodyAsString());
		assertThat(body.get("model").stringValue()).isEqualTo("test-model");
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.get("max_tokens").asInt()).isEqualTo(500);
		assertThat(system(body)).contains("ONLY the numbered passages", "NOT_COVERED", "no doses",
				"[1] Minimally Invasive Lateral Fusion – Scars", "one small scar on your side and small scars on your back");
		JsonNode messages = body.get("messages");
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).get("role").stringValue()).isEqualTo("user");
		assertThat(messages.get(0).toString()).contains("Will lateral fusion leave a big scar?")
			.doesNotContain("ONLY the numbered passages");
	}

	@Test
	void aFollowUpIsCondensedWithANonStreamedMessageBeforeRetrieval() {
		streamAnswer("During the procedure you are placed on the operating table on your side [1].");
		String id = client().chat(null, "how is lateral fusion done?").text("conversationId");
		ANTHROPIC.resetAll();
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(sse(AnthropicStubs.stream("Upon healing, you will have one small scar on your side [1]."))));
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(AnthropicStubs.message("Does lateral fusion leave a scar?"))));

		JsonNode reply = client().chat(id, "and afterwards, what will that look like?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		List<LoggedRequest> requests = messagesRequests();
		assertThat(requests).hasSize(2);
		JsonNode condense = JSON.readTree(requests.get(0).getBodyAsString());
		assertThat(condense.path("stream").asBoolean(false)).isFalse();
		assertThat(system(condense)).containsIgnoringCase("standalone");
		assertThat(condense.get("messages").toString())
			.contains("how is lateral fusion done?", "and afterwards, what will that look like?");
		assertThat(requests.get(0).getHeader("x-api-key")).isEqualTo("test-anthropic-key");
		assertThat(requests.get(1).getBodyAsString()).contains("Does lateral fusion leave a scar?")
			.doesNotContain("operating table on your side [1]");
	}

	@Test
	void aRateLimitTwiceFallsBackAfterOneRetry() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json").withHeader("retry-after", "0.2")
			.withBody(AnthropicStubs.errorBody("rate_limit_error", "Number of request tokens has exceeded your rate limit"))));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion").doesNotContain("rate limit");
		assertThat(messagesRequests()).hasSize(2);
		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200).isLessThan(2400);
	}

	@Test
	void aRateLimitThenSuccessIsRetriedOnce() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).inScenario("rate").whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(429).withHeader("retry-after", "0.1")
				.withBody(AnthropicStubs.errorBody("rate_limit_error", "slow down")))
			.willSetStateTo("retried"));
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).inScenario("rate").whenScenarioStateIs("retried")
			.willReturn(sse(AnthropicStubs.stream("Your surgeon places screws called pedicle screws into the bones [1]."))));

		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("reply").stringValue())
			.startsWith("Your surgeon places screws called pedicle screws into the bones [1].");
		assertThat(messagesRequests()).hasSize(2);
	}

	@Test
	void anOverloadedApiFallsBackToTheEmbeddedAnswer() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(529)
			.withHeader("Content-Type", "application/json")
			.withBody(AnthropicStubs.errorBody("overloaded_error", "Overloaded"))));

		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws").doesNotContain("Overloaded");
		assertThat(messagesRequests()).hasSize(2);
	}

	@Test
	void anErrorEventInTheMiddleOfTheStreamFallsBack() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).willReturn(sse(AnthropicStubs.streamWithError("overloaded_error",
				"Overloaded", "Your surgeon places screws "))));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion").doesNotContain("Overloaded");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2400);
	}

	@Test
	void aStreamCutOffBeforeMessageStopFallsBackWithoutWaitingForTheWholeTimeout() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).willReturn(sse(AnthropicStubs.truncatedStream(
				"Your surgeon places screws called pedicle screws into the bones [1]. ", "Connecting rods are"))));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("Source: Minimally Invasive Lateral Fusion");
		// The connection is closed: nothing more can come, so waiting for the total timeout (3 s here, 30 s by
		// default) only keeps the patient waiting.
		assertThat(millis).as("ms until the reply after the stream was cut off").isLessThan(2400);
	}

	@Test
	void aSlowModelTimesOutAndFallsBack() {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES))
			.willReturn(sse(AnthropicStubs.stream("Too late [1].")).withFixedDelay(2500)));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2400);
		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws").doesNotContain("Too late");
	}

	@Test
	void aDoseIsNeverShown() {
		streamAnswer("Before surgery, take 600 mg of ibuprofen [1].");

		String reply = client().chat(null, "which conditions can lateral fusion treat?").text("reply");

		assertThat(reply).doesNotContain("600 mg").contains("degenerative disc disease");
	}

	@Test
	void emergenciesNeverReachTheModel() {
		streamAnswer("Anything [1].");

		assertThat(client().chat(null, "I have a fever and my incision is leaking").text("intent")).isEqualTo("emergency");
		assertThat(ANTHROPIC.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).isEmpty();
	}

	@Test
	void aModelThatMarksTheMessageAsAnEmergencyAtTheEndRaisesTheTurn() {
		String id = client().chat(null, "Hello").text("conversationId");
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(sse(AnthropicStubs.stream("Bone growth may take several months [1].\n", "EMERGENCY: ",
					"stroke signs"))));
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(AnthropicStubs.message("How long does it take to heal after lateral fusion?"))));

		JsonNode reply = client().chat(id, "I feel washed out and weird and my heart is going fast, is that part of healing?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).startsWith("This could be a medical emergency. Call 911 now")
			.doesNotContain("Bone growth").doesNotContain("EMERGENCY").doesNotContain("stroke signs");
		assertThat(reply.get("actions")).extracting(a -> a.get("type").stringValue()).containsExactly("emergency");
		assertThat(reply.get("citations")).isEmpty();
	}

	/** The system prompt, whether sent as a string or as text blocks. */
	private static String system(JsonNode body) {
		JsonNode system = body.get("system");
		assertThat(system).as("system prompt").isNotNull();
		if (system.isString()) {
			return system.stringValue();
		}
		StringBuilder text = new StringBuilder();
		system.forEach(block -> text.append(block.get("text").stringValue()));
		return text.toString();
	}

	private void streamAnswer(String... deltas) {
		ANTHROPIC.stubFor(post(urlEqualTo(MESSAGES)).willReturn(sse(AnthropicStubs.stream(deltas))));
	}

	private static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("request-id", "req_test").withBody(body);
	}

	private List<LoggedRequest> messagesRequests() {
		return ANTHROPIC.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
	}

	private LoggedRequest onlyMessagesRequest() {
		List<LoggedRequest> requests = messagesRequests();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
