package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * Intents recognised from the example sentences of {@code conversation/intents/}, through the real chat API: the ways
 * patients ask to book (moving, cancelling, a second opinion, in Spanish), candidacy in lay words, off-topic small
 * talk and feelings, each with the reply and actions that fit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IntentsThroughTheChatTest {

	private static final String PHONE = "+1-555-0100";

	@LocalServerPort
	int port;

	@Autowired
	IntentClassifier classifier;

	@Test
	void everyExampleHasItsVectorShippedSoNoInstanceEmbedsThemAtStartUp() {
		assertThat(classifier.missingVectors()).as("run IntentVectorsWriter after changing an intent example").isZero();
		assertThat(classifier.examples()).hasSizeGreaterThan(300);
	}

	@Test
	void theShippedIntentModelWasLearnedFromTheExamplesAsTheyAre() {
		assertThat(classifier.model()).as("src/main/resources/" + IntentModel.RESOURCE).isNotNull();
		assertThat(classifier.model().fingerprint()).as("run IntentVectorsWriter, then IntentModelWriter, after changing an example")
			.isEqualTo(classifier.fingerprint());
		assertThat(IntentModel.classes()).containsExactlyElementsOf(classifier.model().model().classes());
	}

	@ParameterizedTest
	@ValueSource(strings = { "I have to move my appointment on Thursday to next week",
			"please cancel my consultation on the 14th, I can't come", "I'd like a second opinion on the fusion my surgeon offered me",
			"do you have anything free on Tuesday afternoon?" })
	void reschedulingCancellingASecondOpinionAndADayAreBookingWithTheBookAction(String message) {
		JsonNode reply = chat(message);

		assertThat(reply.get("intent").stringValue()).isEqualTo("booking");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void bookingAskedInSpanishIsBooking() {
		JsonNode reply = chat("hola, quisiera pedir una cita con el cirujano para la semana que viene");

		assertThat(reply.get("intent").stringValue()).isEqualTo("booking");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void candidacyAskedInLayWordsGetsTheBookAction() {
		JsonNode reply = chat("I have sciatica, is this surgery for me?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(actions(reply).get(0)).isEqualTo("book");
		assertThat(reply.get("reply").stringValue()).containsIgnoringCase("consultation");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Do you think I'd be a good fit for lateral fusion?", "what sort of patient gets this surgery?",
			"Who is a good candidate for this surgery?", "who is a good candidate?" })
	void whoTheProcedureIsForAskedAsAPlainQuestionStillOffersTheConsultation(String message) {
		JsonNode reply = chat(message);

		assertThat(ChatClient.sections(reply)).contains("Who is a good candidate?");
		assertThat(reply.get("reply").stringValue()).contains("consultation");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void theWeatherGetsAKindWordWithoutThePhoneNumberPush() {
		JsonNode reply = chat("what's the weather going to be like tomorrow?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		String text = reply.get("reply").stringValue();
		assertThat(text).doesNotContain(PHONE).doesNotContainIgnoringCase("won't guess");
		assertThat(text).containsIgnoringCase("lateral fusion");
		assertThat(reply.get("citations")).isEmpty();
	}

	@Test
	void fearIsAcknowledgedWithAPersonAndTheBookingOffered() {
		JsonNode reply = chat("I'm really scared about the surgery");

		String text = reply.get("reply").stringValue();
		assertThat(reply.get("intent").stringValue()).isEqualTo("greeting");
		assertThat(text).startsWith("It's completely understandable to feel this way");
		assertThat(text).contains("talk to a person").doesNotContainIgnoringCase("won't guess");
		assertThat(actions(reply)).contains("book", "callback");
	}

	@Test
	void fearWithAQuestionIsAcknowledgedAndTheQuestionStillAnswered() {
		JsonNode reply = chat("I'm so scared of the scars, honestly. Will I have a big scar?");

		String text = reply.get("reply").stringValue();
		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(text).startsWith("It's completely understandable to feel this way");
		assertThat(text).contains("small scar");
		assertThat(reply.get("citations")).isNotEmpty();
		assertThat(actions(reply)).contains("book", "callback");
	}

	@ParameterizedTest
	@ValueSource(strings = { "worried sick about the op tbh", "the thought of the anaesthetic really frightens me",
			"estoy muy nerviosa, me operan la semana que viene", "I cried in the car after my last appointment. I'm just overwhelmed." })
	void aFeelingToldWithoutAQuestionIsAcknowledgedWhateverItsOtherWordsResemble(String message) {
		JsonNode reply = chat(message);

		assertThat(reply.get("intent").stringValue()).isEqualTo("greeting");
		assertThat(reply.get("reply").stringValue()).doesNotContainIgnoringCase("won't guess");
		assertThat(actions(reply)).contains("book", "callback");
	}

	@Test
	void aFeelingSaidNotToBeFeltIsNoFeeling() {
		assertThat(classifier.classify("not worried, just curious how big the scar is?"))
			.isEqualTo(ConversationalIntents.Kind.QUESTION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "How tall is the Eiffel Tower?", "who won the football last night?" })
	void aMessageNearNoExampleAndNoHealthQuestionGetsTheKindOffTopicWord(String message) {
		JsonNode reply = chat(message);

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		String text = reply.get("reply").stringValue();
		assertThat(text).doesNotContain(PHONE).containsIgnoringCase("lateral fusion");
		assertThat(reply.get("citations")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Honestly I'm terrified of being cut open. How big is the incision in my side?",
			"I am really nervous about all this! Where do they make the cut?" })
	void aSentenceOfFearBesideAQuestionIsFeelings(String message) {
		assertThat(classifier.classify(message)).isEqualTo(ConversationalIntents.Kind.FEELINGS);
	}

	@Test
	void fearInSpanishIsAcknowledgedInSpanish() {
		JsonNode reply = chat("tengo mucho miedo de la operación");

		assertThat(reply.get("reply").stringValue()).startsWith("Es completamente comprensible");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void aGreetingWithAQuestionIsAnswered() {
		JsonNode reply = chat("Hi there! how big is the incision in my side?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("small incision");
	}

	@Test
	void aThankYouThatAsksAQuestionInTheSameBreathGetsItsAnswer() {
		JsonNode reply = chat("perfect thank you, who is a good candidate?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("good candidate for this procedure");
	}

	@Test
	void aQuestionThePageDoesNotAnswerIsStillNotCoveredNotSmallTalk() {
		JsonNode reply = chat("how much does the surgery cost with my insurance?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("reply").stringValue()).contains(PHONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "what should I bring with me when I come in?", "is there somewhere to park when we come in?" })
	void whatHappensWhenThePatientComesInIsNotABookingRequestByTheRules(String message) {
		assertThat(ConversationalIntents.classify(message)).isEqualTo(ConversationalIntents.Kind.QUESTION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "I'm coming from the next town over, where exactly are you?", "where abouts r u" })
	void whereExactlyThePracticeIsIsAPracticeQuestionByTheRules(String message) {
		assertThat(ConversationalIntents.classify(message)).isEqualTo(ConversationalIntents.Kind.PRACTICE_INFO);
	}

	@Test
	void aLabelledMessageIsScoredWithoutItsOwnWordingAsAnyNewMessageIs() {
		String labelled = com.frontdesk.retrieval.ResourceLines.of(IntentClassifier.labelledFile(IntentClassifier.LABELLED.getFirst())).getFirst().split("\t")[1];

		assertThat(classifier.nearest(labelled).score()).isLessThan(0.99);
		assertThat(classifier.nearest(labelled + " please").score()).isGreaterThan(0.5);
	}

	private JsonNode chat(String message) {
		ChatClient.Response response = new ChatClient(port).chat(null, message);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> actions(JsonNode reply) {
		return ChatClient.actions(reply);
	}

}
