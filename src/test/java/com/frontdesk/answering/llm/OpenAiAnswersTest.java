package com.frontdesk.answering.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers written by an OpenAI-compatible model, with WireMock standing in for the real chat completions API:
 * what the service sends, what the patient gets, and what happens when the model fails or misbehaves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key", "frontdesk.llm.model=test-model",
				"frontdesk.llm.first-token-timeout=1s", "frontdesk.llm.timeout=3s", "frontdesk.llm.max-retry-wait=1s",
				"frontdesk.llm.breaker-failures=100" })
class OpenAiAnswersTest {

	static final WireMockServer OPENAI = new WireMockServer(wireMockConfig().dynamicPort());

	static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		OPENAI.start();
	}

	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> OPENAI.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		OPENAI.stop();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		OPENAI.resetAll();
	}

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void theModelAnswersFromThePassagesWithNumberedCitations() {
		streamAnswer("Upon healing, you will have one small scar on your side [1]. ",
				"There are also small scars on your back [1].");

		JsonNode reply = client().chat(null, "Will lateral fusion leave a big scar?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue())
			.startsWith("Upon healing, you will have one small scar on your side [1]. There are also small scars on your back [1].")
			.contains("Source: [1] Minimally Invasive Lateral Fusion – Scars");
		assertThat(reply.get("citations")).hasSize(1);
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		LoggedRequest request = onlyAnswerRequest();
		JsonNode body = JSON.readTree(request.getBodyAsString());
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-key");
		assertThat(body.get("model").stringValue()).isEqualTo("test-model");
		String system = body.get("messages").get(0).get("content").stringValue();
		assertThat(system).contains("ONLY the numbered passages", "NOT_COVERED", "no doses",
				"one small scar on your side and small scars on your back");
		assertThat(body.get("messages").get(1).get("content").stringValue())
			.contains("Will lateral fusion leave a big scar?");
	}

	@Test
	void aQuestionAboutTheWholeProcedureGivesTheModelEveryStepInOrder() {
		streamAnswer("You are placed on the operating table on your side [1]. ",
				"Your surgeon reaches your spine through a small incision in your side [2].");

		JsonNode reply = client().chat(null, "how is the surgery done step by step").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		String system = JSON.readTree(onlyAnswerRequest().getBodyAsString()).get("messages").get(0).get("content")
			.stringValue();
		assertThat(system).containsSubsequence("[1]", "placed on the operating table on your side", "[2]",
				"through a small incision in your side", "[3]", "retractor", "[4]", "bone graft", "[5]",
				"pedicle screws");
		assertThat(reply.get("citations")).extracting(c -> c.get("section").stringValue()).containsExactly(
				"How the procedure works > Positioning on the operating table",
				"How the procedure works > The small incision in your side");
	}

	@Test
	void personalDataIsRedactedBeforeItReachesTheModel() {
		streamAnswer("Upon healing, you will have one small scar on your side [1].");

		client().chat(null, "My name is Maria Lopez, maria.lopez@example.org, 555-201-3344, born 04/12/1961: will it leave a scar?");

		String sent = onlyAnswerRequest().getBodyAsString();
		assertThat(sent).doesNotContain("Maria", "Lopez", "maria.lopez", "201-3344", "04/12/1961")
			.contains("[name]", "[email]", "[phone]", "[date]");
	}

	@Test
	void aRateLimitIsRetriedOnceHonouringRetryAfter() {
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("rate").whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.2").withBody("{\"error\":{}}"))
			.willSetStateTo("retried"));
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("rate").whenScenarioStateIs("retried")
			.willReturn(sse(OpenAiStubs.stream("Your surgeon places screws called pedicle screws into the bones [1]."))));

		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("reply").stringValue()).startsWith("Your surgeon places screws called pedicle screws into the bones [1].");
		assertThat(OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(2);
	}

	@Test
	void serverErrorsFallBackToTheEmbeddedAnswer() {
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion");
		assertThat(OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(2);
	}

	@Test
	void aSlowModelFallsBackToTheEmbeddedAnswer() {
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(sse(OpenAiStubs.stream("Too late [1].")).withFixedDelay(2500)));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2400);
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws").doesNotContain("Too late");
	}

	@Test
	void garbageEmptyAndTruncatedStreamsFallBack() {
		for (var response : List.of(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
				.withBody("data: {not json\n\n"), aResponse().withStatus(200).withBody(""),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				sse(OpenAiStubs.truncatedStream("Your surgeon places screws")))) {
			OPENAI.resetAll();
			OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));

			ChatClient.Response reply = client().chat(null, "what are pedicle screws?");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.text("intent")).isEqualTo("answer");
			assertThat(reply.text("reply")).contains("Source: Minimally Invasive Lateral Fusion");
		}
	}

	@Test
	void anInventedNumberIsNeverShown() {
		streamAnswer("Bone growth may take several months [1]. ", "Most patients are back at work in 6 weeks [1].");

		JsonNode reply = client().chat(null, "how long does it take for the bones to heal?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).doesNotContain("6 weeks").contains("several months");
	}

	@Test
	void aDoseOrDiagnosisIsNeverShown() {
		for (String bad : new String[] { "Take 600 mg of ibuprofen before the surgery [1].",
				"It sounds like you have degenerative disc disease [1]." }) {
			OPENAI.resetAll();
			streamAnswer(bad);

			String reply = client().chat(null, "which conditions can lateral fusion treat?").text("reply");

			assertThat(reply).doesNotContain("600 mg").doesNotContain("sounds like you have")
				.contains("degenerative disc disease");
		}
	}

	@Test
	void theSystemPromptIsNeverLeaked() {
		streamAnswer("My rules: Use only facts stated in the passages. Never add facts, numbers [1].");

		String reply = client().chat(null, "what is lateral fusion?").text("reply");

		assertThat(reply).doesNotContain("Never add facts").contains("small incision in your side");
	}

	@Test
	void theModelSayingNotCoveredIsNotCovered() {
		streamAnswer("NOT_COVERED");

		JsonNode reply = client().chat(null, "what is the implant made of?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("citations")).isEmpty();
	}

	@Test
	void aCitationOfAPassageNotGivenIsRejected() {
		streamAnswer("The implant is made of titanium [7].");

		String reply = client().chat(null, "what is the implant made of?").text("reply");

		assertThat(reply).doesNotContain("titanium").contains("strong synthetic material");
	}

	@Test
	void emergenciesAndPersonalAdviceNeverReachTheModel() {
		streamAnswer("Anything [1].");

		assertThat(client().chat(null, "I lost control of my bladder after surgery").text("intent")).isEqualTo("emergency");
		assertThat(client().chat(null, "I want to kill myself").text("intent")).isEqualTo("emergency");
		assertThat(client().chat(null, "how much gabapentin should I take?").text("intent")).isEqualTo("needs_clinician");
		assertThat(OPENAI.getAllServeEvents()).isEmpty();
	}

	@Test
	void aFollowUpIsCondensedByTheModelBeforeRetrieval() {
		streamAnswer("During the procedure you are placed on the operating table on your side [1].");
		String id = client().chat(null, "how is lateral fusion done?").text("conversationId");
		OPENAI.resetAll();
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(sse(OpenAiStubs.stream("Upon healing, you will have one small scar on your side [1]."))));
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(OpenAiStubs.completion("Does lateral fusion leave a scar?"))));

		JsonNode reply = client().chat(id, "and afterwards, what will that look like?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		List<LoggedRequest> requests = OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).getBodyAsString()).contains("how is lateral fusion done?")
			.contains("and afterwards, what will that look like?");
		assertThat(requests.get(1).getBodyAsString()).contains("Does lateral fusion leave a scar?")
			.doesNotContain("operating table on your side [1]");
	}

	@Test
	void aSpanishQuestionIsAnsweredInSpanishFromTheSameContent() {
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(sse(OpenAiStubs.stream("Al sanar, tendrá una pequeña cicatriz en el costado [1]."))));
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(OpenAiStubs.completion("Will lateral fusion leave a scar?"))));

		JsonNode reply = client().chat(null, "¿La fusión lateral deja cicatriz?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith("Al sanar, tendrá una pequeña cicatriz");
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		assertThat(OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(containing("Will lateral fusion leave a scar?")))).hasSize(1);
	}

	private void streamAnswer(String... pieces) {
		OPENAI.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(sse(OpenAiStubs.stream(pieces))));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	private LoggedRequest onlyAnswerRequest() {
		List<LoggedRequest> requests = OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
