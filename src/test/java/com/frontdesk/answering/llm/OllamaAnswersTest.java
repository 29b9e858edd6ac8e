package com.frontdesk.answering.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Answers written by a model served by Ollama, with WireMock standing in for Ollama's real {@code /api/chat}:
 * the streamed answer as NDJSON, the condensing of a follow-up as one JSON body, what the service sends, and the
 * embedded answer whenever Ollama fails or answers with something that is not Ollama's format.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=ollama", "frontdesk.llm.model=test-model",
				"frontdesk.llm.first-token-timeout=1s", "frontdesk.llm.timeout=3s", "frontdesk.llm.max-retry-wait=1s",
				"frontdesk.llm.breaker-failures=100" })
class OllamaAnswersTest {

	static final WireMockServer OLLAMA = new WireMockServer(wireMockConfig().dynamicPort());

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CHAT = "/api/chat";

	static {
		OLLAMA.start();
	}

	@DynamicPropertySource
	static void ollama(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", OLLAMA::baseUrl);
	}

	@AfterAll
	static void stop() {
		OLLAMA.stop();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		OLLAMA.resetAll();
	}

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void theModelAnswersFromThePassagesWithNumberedCitations() {
		streamAnswer("Upon healing, you will have ", "one small scar on your side [1]. ",
				"There are also small scars ", "on your back [1].");

		JsonNode reply = client().chat(null, "Will lateral fusion leave a big scar?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue())
			.startsWith("Upon healing, you will have one small scar on your side [1]. There are also small scars on your back [1].")
			.contains("Source: [1] Minimally Invasive Lateral Fusion – Scars");
		assertThat(reply.get("citations")).hasSize(1);
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		assertThat(reply.get("citations").get(0).get("url").stringValue())
			.isEqualTo("https://www.example.com/procedures/minimally-invasive-lateral-fusion");
		LoggedRequest request = onlyChatRequest();
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode body = JSON.readTree(request.getBodyAsString());
		assertThat(body.get("model").stringValue()).isEqualTo("test-model");
		assertThat(body.get("stream").asBoolean()).isTrue();
		JsonNode messages = body.get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("role").stringValue()).isEqualTo("system");
		assertThat(messages.get(0).get("content").stringValue()).contains("ONLY the numbered passages", "NOT_COVERED",
				"no doses", "[1] Minimally Invasive Lateral Fusion – Scars",
				"one small scar on your side and small scars on your back");
		assertThat(messages.get(1).get("role").stringValue()).isEqualTo("user");
		assertThat(messages.get(1).get("content").stringValue()).contains("Will lateral fusion leave a big scar?");
	}

	@Test
	void personalDataIsRedactedBeforeItReachesTheModel() {
		streamAnswer("Upon healing, you will have one small scar on your side [1].");

		ChatClient.Response reply = client().chat(null,
				"My name is John Carter, john.carter@example.com, 555-867-5309, born 02/03/1958: will it leave a scar?");

		assertThat(reply.text("intent")).isEqualTo("answer");
		String sent = onlyChatRequest().getBodyAsString();
		assertThat(sent).doesNotContain("John", "Carter", "john.carter", "867-5309", "02/03/1958")
			.contains("[name]", "[email]", "[phone]", "[date]");
	}

	@Test
	void aFollowUpIsCondensedWithANonStreamedCallBeforeRetrieval() {
		streamAnswer("During the procedure you are placed on the operating table on your side [1].");
		String id = client().chat(null, "how is lateral fusion done?").text("conversationId");
		OLLAMA.resetAll();
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(ndjson(OllamaStubs.stream("Upon healing, you will have one small scar on your side [1]."))));
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(OllamaStubs.completion("Does lateral fusion leave a scar?"))));

		JsonNode reply = client().chat(id, "and afterwards, what will that look like?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith("Upon healing, you will have one small scar on your side [1].");
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		List<LoggedRequest> requests = chatRequests();
		assertThat(requests).hasSize(2);
		JsonNode condense = JSON.readTree(requests.get(0).getBodyAsString());
		assertThat(condense.get("model").stringValue()).isEqualTo("test-model");
		assertThat(condense.get("stream").asBoolean()).isFalse();
		assertThat(condense.get("messages").get(0).get("content").stringValue()).containsIgnoringCase("standalone");
		assertThat(condense.get("messages").get(1).get("content").stringValue())
			.contains("how is lateral fusion done?", "and afterwards, what will that look like?");
		JsonNode answer = JSON.readTree(requests.get(1).getBodyAsString());
		assertThat(answer.get("stream").asBoolean()).isTrue();
		assertThat(answer.get("messages").get(0).get("content").stringValue())
			.contains("one small scar on your side and small scars on your back");
		assertThat(answer.get("messages").get(1).get("content").stringValue())
			.contains("and afterwards, what will that look like?", "Does lateral fusion leave a scar?");
		assertThat(requests.get(1).getBodyAsString()).doesNotContain("operating table on your side [1]");
	}

	@Test
	void aGarbageCondenseBodyGivesTheEmbeddedAnswerInTheConversationsContext() {
		streamAnswer("Your surgeon places screws called pedicle screws into the bones [1].");
		String id = client().chat(null, "what are pedicle screws?").text("conversationId");
		OLLAMA.resetAll();
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(ndjson(OllamaStubs.stream("Your surgeon places screws called pedicle screws into the bones [1]."))));
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("<html>502 Bad Gateway</html>")));

		ChatClient.Response reply = client().chat(id, "and what are they for?");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("intent")).isEqualTo("answer");
		assertThat(reply.text("reply")).contains("Source: Minimally Invasive Lateral Fusion – ").doesNotContain("[1]")
			.doesNotContain("Bad Gateway");
		List<LoggedRequest> requests = chatRequests();
		assertThat(requests).as("only the condense call: a follow-up that could not be rewritten is not sent to the model")
			.hasSize(1);
		assertThat(JSON.readTree(requests.get(0).getBodyAsString()).get("stream").asBoolean()).isFalse();
	}

	@Test
	void serverErrorsAreRetriedOnceThenFallBackToTheEmbeddedAnswer() {
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json").withBody("{\"error\":\"llama runner process has terminated\"}")));

		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion")
			.doesNotContain("llama runner");
		assertThat(chatRequests()).hasSize(2);
	}

	@Test
	void garbageAndErrorBodiesFallBackToTheEmbeddedAnswer() {
		Map<String, ResponseDefinitionBuilder> bodies = new LinkedHashMap<>();
		bodies.put("garbage", ndjson("{not json\nstill not json\n"));
		bodies.put("html", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
			.withBody("<html><body>It works!</body></html>"));
		bodies.put("empty", aResponse().withStatus(200).withHeader("Content-Type", OllamaStubs.NDJSON).withBody(""));
		bodies.put("error line", ndjson(OllamaStubs.errorLine("model \"test-model\" not found, try pulling it first")));
		for (Map.Entry<String, ResponseDefinitionBuilder> body : bodies.entrySet()) {
			OLLAMA.resetAll();
			OLLAMA.stubFor(post(urlEqualTo(CHAT)).willReturn(body.getValue()));

			ChatClient.Response reply = client().chat(null, "what are pedicle screws?");

			assertThat(reply.status()).as(body.getKey()).isEqualTo(200);
			assertThat(reply.text("intent")).as(body.getKey()).isEqualTo("answer");
			assertThat(reply.text("reply")).as(body.getKey()).contains("screws called pedicle screws")
				.contains("Source: Minimally Invasive Lateral Fusion").doesNotContain("not found", "It works");
		}
	}

	@Test
	void aStreamThatEndsWithoutDoneFallsBackWithoutWaitingForTheWholeTimeout() {
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).willReturn(ndjson(OllamaStubs.truncatedStream(
				"Your surgeon places screws called pedicle screws into the bones [1]. ", "Connecting rods are"))));

		long started = System.nanoTime();
		ChatClient.Response reply = client().chat(null, "what are pedicle screws?");
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("intent")).isEqualTo("answer");
		assertThat(reply.text("reply")).contains("Source: Minimally Invasive Lateral Fusion");
		// The stream is over: nothing more can come. Waiting for the total timeout (3 s here, 30 s by default)
		// only keeps the patient waiting for the embedded answer.
		assertThat(millis).as("ms until the embedded answer after the stream ended without \"done\"").isLessThan(2400);
	}

	@Test
	void aSlowModelFallsBackToTheEmbeddedAnswer() {
		OLLAMA.stubFor(post(urlEqualTo(CHAT))
			.willReturn(ndjson(OllamaStubs.stream("Too late [1].")).withFixedDelay(2500)));

		long started = System.nanoTime();
		JsonNode reply = client().chat(null, "what are pedicle screws?").json();

		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2400);
		assertThat(reply.get("reply").stringValue()).contains("screws called pedicle screws").doesNotContain("Too late");
	}

	@Test
	void anInventedNumberIsNeverShown() {
		streamAnswer("Bone growth may take several months [1]. ", "Most patients are back at work in 6 weeks [1].");

		JsonNode reply = client().chat(null, "how long does it take for the bones to heal?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).doesNotContain("6 weeks").contains("several months");
	}

	@Test
	void theModelSayingNotCoveredIsNotCovered() {
		streamAnswer("NOT_", "COVERED");

		JsonNode reply = client().chat(null, "what is the implant made of?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("citations")).isEmpty();
	}

	private void streamAnswer(String... pieces) {
		OLLAMA.stubFor(post(urlEqualTo(CHAT)).willReturn(ndjson(OllamaStubs.stream(pieces))));
	}

	private static ResponseDefinitionBuilder ndjson(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", OllamaStubs.NDJSON).withBody(body);
	}

	private List<LoggedRequest> chatRequests() {
		return OLLAMA.findAll(postRequestedFor(urlEqualTo(CHAT)));
	}

	private LoggedRequest onlyChatRequest() {
		List<LoggedRequest> requests = chatRequests();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
