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

import tools.jackson.databind.JsonNode;

/**
 * A model may raise a turn that triage let through to an emergency, never lower one: a patient whose message the model
 * marks with {@code EMERGENCY} reads the emergency advice first (and only it), with the emergency action, over
 * {@code /api/chat} and {@code /api/chat/stream}, and the turn is stored as an emergency. WireMock stands in for an
 * OpenAI-compatible server. The model answers only questions the practice's content covers; a follow-up that mentions
 * symptoms gets there once the model has rewritten it as a standalone question. No test here depends on how fast the
 * model server answers (generous timeouts); a model that stalls after the marker is {@link ModelStalledAfterEmergencyTest}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key", "frontdesk.llm.model=test-model",
				"frontdesk.llm.first-token-timeout=30s", "frontdesk.llm.timeout=30s", "frontdesk.llm.max-retry-wait=1s",
				"frontdesk.llm.breaker-failures=100" })
class ModelRaisedEmergencyTest {

	static final WireMockServer MODEL = new WireMockServer(wireMockConfig().dynamicPort());

	static final String COMPLETIONS = "/v1/chat/completions";

	/** Signs triage does not recognise (no concept names them) but a model may: only the model can raise this turn. */
	static final String UNRECOGNISED_SIGNS = "I feel washed out and weird and my heart is going fast, is that part of healing?";

	static final String STANDALONE = "How long does it take to heal after lateral fusion?";

	static final String EMERGENCY_ADVICE = "This could be a medical emergency. Call 911 now or go to the nearest "
			+ "emergency room. Do not wait for a reply here.";

	static final String MODEL_SENTENCE = "Bone growth may take several months [1]. ";

	static {
		MODEL.start();
	}

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> MODEL.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		MODEL.stop();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		MODEL.resetAll();
		MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).atPriority(10)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(OpenAiStubs.completion(STANDALONE))));
	}

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void aMessageTheModelMarksAsAnEmergencyGetsTheEmergencyAdviceAndIsStoredAsAnEmergency() {
		modelAnswers("**EMER", "GENCY**", "\n", MODEL_SENTENCE);
		String conversation = greeted();

		JsonNode reply = client().chat(conversation, UNRECOGNISED_SIGNS).json();

		assertEmergencyAdvice(reply);
		assertThat(MODEL.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.withRequestBody(containing("washed out and weird")))).as("the model read the patient's own words").hasSize(1);
		JsonNode turn = lastStoredTurn(conversation);
		assertThat(turn.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(turn.get("reply").stringValue()).isEqualTo(reply.get("reply").stringValue());
		assertThat(turn.get("actions")).extracting(a -> a.get("type").stringValue()).containsExactly("emergency");
	}

	@Test
	void aMarkerAfterTheModelsFirstSentencesStillGivesTheEmergencyAdviceAlone() {
		modelAnswers(MODEL_SENTENCE, "\nEmergency: ", "stroke signs\n", "Your scars will fade [1].");

		JsonNode reply = client().chat(greeted(), UNRECOGNISED_SIGNS).json();

		assertEmergencyAdvice(reply);
		assertThat(reply.get("reply").stringValue()).doesNotContain("Bone growth").doesNotContain("scars");
	}

	@Test
	void selfHarmTheModelMarksGetsTheCrisisLineFirst() {
		modelAnswers("EMERGENCY: self-harm");
		String conversation = greeted();

		JsonNode reply = client().chat(conversation,
				"Since the operation I keep thinking everyone would be happier if I was gone. Is that part of healing?")
			.json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).startsWith("I'm really sorry you're going through this.")
			.contains("Call or text 988").contains("call 911").doesNotContain("EMERGENCY").doesNotContain("self-harm");
		assertThat(reply.get("actions")).extracting(a -> a.get("phone").stringValue()).containsExactly("988", "911");
		assertThat(lastStoredTurn(conversation).get("intent").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aPatientWritingInSpanishGetsTheEmergencyAdviceInSpanish() {
		modelAnswers("EMERGENCIA");

		JsonNode reply = client().chat(null, "Me siento muy rara, sudorosa y pálida, ¿es parte de la recuperación?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).startsWith("Esto podría ser una emergencia médica. Llame al 911")
			.doesNotContain("EMERGENCIA");
		assertThat(reply.get("actions")).extracting(a -> a.get("type").stringValue()).containsExactly("emergency");
	}

	@Test
	void aStreamCutOffRightAfterTheMarkerStillRaisesTheTurn() {
		MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiStubs.truncatedStream(MODEL_SENTENCE, "\nEMERGENCY"))));

		assertEmergencyAdvice(client().chat(greeted(), UNRECOGNISED_SIGNS).json());
	}

	@Test
	void anAnswerWithoutTheMarkerIsTheModelsAnswerEvenWhenASentenceStartsWithTheWord() {
		modelAnswers("Emergency care is not part of recovery [1].\n", MODEL_SENTENCE);

		JsonNode reply = client().chat(null, "how long does it take for the bones to heal?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue())
			.startsWith("Emergency care is not part of recovery [1].\nBone growth may take several months [1].");
		assertThat(reply.get("actions")).isEmpty();
		assertThat(lastStoredTurn(reply.get("conversationId").stringValue()).get("intent").stringValue())
			.isEqualTo("answer");
	}

	@Test
	void aStreamedAnswerTheModelMarksLaterIsWithdrawnAndTheEmergencyAdviceStreamsInItsPlace() {
		modelAnswers(MODEL_SENTENCE, "\n**EMERGENCY**", "\n", "Your scars will fade [1].");
		String conversation = greeted();

		List<StreamEvent> events = StreamEvent.post(port, conversation, UNRECOGNISED_SIGNS);

		assertThat(events).extracting(StreamEvent::name).doesNotContain("error").endsWith("citations", "actions", "done");
		int restart = events.stream().map(StreamEvent::name).toList().indexOf("restart");
		assertThat(restart).as("the model's first sentence was streamed, then withdrawn").isPositive();
		assertThat(StreamEvent.tokens(events.subList(0, restart))).isEqualTo(MODEL_SENTENCE);
		JsonNode done = events.getLast().data();
		assertEmergencyAdvice(done);
		assertThat(StreamEvent.tokensAfterTheLastRestart(events)).isEqualTo(done.get("reply").stringValue())
			.startsWith(EMERGENCY_ADVICE);
		assertThat(StreamEvent.tokens(events)).doesNotContain("EMERGENCY").doesNotContain("**")
			.doesNotContain("scars will fade");
		assertThat(events.get(events.size() - 2).data()).isEqualTo(done.get("actions"));
		assertThat(lastStoredTurn(conversation).get("intent").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aStreamedAnswerTheModelMarksAtOnceStreamsOnlyTheEmergencyAdvice() {
		modelAnswers("EMERGENCY", "\n", MODEL_SENTENCE);

		List<StreamEvent> events = StreamEvent.post(port, greeted(), UNRECOGNISED_SIGNS);

		assertThat(events).extracting(StreamEvent::name).doesNotContain("restart", "error");
		JsonNode done = events.getLast().data();
		assertEmergencyAdvice(done);
		assertThat(StreamEvent.tokens(events)).isEqualTo(done.get("reply").stringValue()).startsWith(EMERGENCY_ADVICE);
	}

	@Test
	void messagesTriageFlagsNeverReachTheModel() {
		modelAnswers(MODEL_SENTENCE);
		String conversation = greeted();

		JsonNode plain = client().chat(conversation, "My leg is getting weaker, is that part of healing?").json();
		List<StreamEvent> streamed = StreamEvent.post(port, conversation, "I lost control of my bladder after surgery");

		assertThat(plain.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(plain.get("reply").stringValue()).as("triage's own advice for the red flag")
			.startsWith("If your leg or foot is suddenly weak");
		assertThat(streamed.getLast().data().get("reply").stringValue()).startsWith("If you cannot pass urine");
		assertThat(MODEL.getAllServeEvents()).as("no request reached the model").isEmpty();
	}

	/** The reply opens with the emergency advice, carries the emergency action, and shows nothing of the model's. */
	static void assertEmergencyAdvice(JsonNode reply) {
		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).startsWith(EMERGENCY_ADVICE)
			.doesNotContain("EMERGENCY")
			.doesNotContain("**")
			.doesNotContain("[1]");
		assertThat(reply.get("actions")).extracting(a -> a.get("type").stringValue()).containsExactly("emergency");
		assertThat(reply.get("actions").get(0).get("phone").stringValue()).isEqualTo("911");
		assertThat(reply.get("citations")).isEmpty();
	}

	/** A conversation the patient started with a greeting (answered without the model), so that it has a history. */
	private String greeted() {
		JsonNode hello = client().chat(null, "Hello").json();
		assertThat(hello.get("intent").stringValue()).isEqualTo("greeting");
		return hello.get("conversationId").stringValue();
	}

	private JsonNode lastStoredTurn(String conversationId) {
		ChatClient.Response history = client().get("/api/conversations/" + conversationId);
		assertThat(history.status()).isEqualTo(200);
		JsonNode turns = history.json().get("turns");
		return turns.get(turns.size() - 1);
	}

	/** The model's streamed answer; questions it is asked to rewrite come back as {@link #STANDALONE}. */
	private void modelAnswers(String... pieces) {
		MODEL.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiStubs.stream(pieces))));
	}

}
