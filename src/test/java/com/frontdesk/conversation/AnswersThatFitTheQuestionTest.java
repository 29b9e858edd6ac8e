package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * Replies that fit what was asked, through the real chat API over the real content: a candidacy question the page does
 * not answer as asked is not confirmed, a definition cites the passage that defines, a count gets the sentence with
 * the number, a bare price follow-up is a cost question about the procedure, and the practice's own details answer
 * questions about the phone and the hours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnswersThatFitTheQuestionTest {

	private static final String CLOSEST_TOPIC = "may not answer exactly what you asked";

	@LocalServerPort
	int port;

	@Test
	void aCandidacyQuestionAboutALimitThePageNeverNamesIsNotConfirmed() {
		JsonNode reply = chat(null, "am I too old to have this operation at 82?");

		String text = reply.get("reply").stringValue();
		assertThat(text).startsWith("Sample Spine Practice's information " + CLOSEST_TOPIC);
		assertThat(text).contains("consultation");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void aCandidacyQuestionThePageAnswersIsAnsweredPlainly() {
		JsonNode reply = chat(null, "physio and injections did nothing for my low back pain, am I a candidate?");

		String text = reply.get("reply").stringValue();
		assertThat(text).doesNotContain(CLOSEST_TOPIC).contains("have not had relief");
		assertThat(actions(reply).get(0)).isEqualTo("book");
	}

	/**
	 * No word of "what gets slotted in where the cushion was?" is on the page, so no keyword finds a passage; the
	 * passages and the labelled questions nearest in meaning are about the implant, and that evidence is strong enough
	 * alone (the reply says the page may not answer exactly that).
	 */
	@Test
	void aQuestionInWordsThePageNeverUsesIsAnsweredFromThePassageNearestInMeaning() {
		JsonNode reply = chat(null, "what gets slotted in where the cushion was?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(reply).get(0)).endsWith("The implant and bone graft");
		assertThat(reply.get("reply").stringValue()).contains("inserts an implant");
	}

	@Test
	void askedWhatTheProcedureIsTheReplyCitesThePassageThatDefinesItNotTheOneSharingAWord() {
		JsonNode reply = chat(null, "what exactly is this side operation on the spine?");

		assertThat(sections(reply).get(0)).isEqualTo("What is minimally invasive lateral fusion?");
		assertThat(reply.get("reply").stringValue()).contains("is a surgical technique");
	}

	/**
	 * "Cuts" and "back" are the words of the side incision's passage as much as of the screws' ("a small incision in
	 * your side ... the muscle tissue in your back"): the fused ranking puts the side incision first and the screws'
	 * passage, which counts the incisions on the back, second. The reranker reads how close in meaning each passage
	 * and its closest sentence are and how many of the question's words it holds, and puts the screws' passage first.
	 */
	@Test
	void askedHowManyCutsOnTheBackTheReplyCitesThePassageThatCountsThemFirst() {
		JsonNode reply = chat(null, "how many little cuts go in on the back?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(reply).get(0)).endsWith("Pedicle screws and rods");
		assertThat(reply.get("reply").stringValue()).contains("four small poke-hole incisions");
	}

	/**
	 * "Fusion" is the procedure's name, so the passage that defines the procedure holds it as much as the one that
	 * says what fusing is, and the fused ranking and the shares of the nearest labelled questions' votes put the
	 * definition first. The single nearest labelled question ("What does fusion mean?") names the healing passage;
	 * the reranker reads how close it is, and that passage comes first.
	 */
	@Test
	void askedWhatAWordOfTheProcedureMeansTheReplyCitesThePassageTheNearestLabelledQuestionNames() {
		JsonNode reply = chat(null, "what does the word fusion mean here?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(reply).get(0)).isEqualTo("Healing and fusion");
		assertThat(reply.get("reply").stringValue()).contains("the bones grow together");
	}

	@Test
	void askedWhatOnePartIsTheReplyCitesThatPart() {
		JsonNode reply = chat(null, "what exactly are pedicle screws?");

		assertThat(sections(reply).get(0)).endsWith("Pedicle screws and rods");
	}

	@Test
	void askedWhatTheOperationIsMeantToAchieveTheReplyCitesItsGoals() {
		JsonNode reply = chat(null, "what is this operation meant to achieve for someone like me?");

		assertThat(sections(reply)).contains("What are the goals of the surgery?");
		assertThat(reply.get("reply").stringValue()).contains("stabilize your spine");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Is this surgery going to fix my back ache?", "will it stop my spine feeling so unstable?",
			"WILL THIS SURGERY HELP MY LEG PAIN TOO?" })
	void askedWhatTheOperationWillDoForTheirPainTheReplyGivesItsGoalsAndTheConsultation(String message) {
		JsonNode reply = chat(null, message);

		assertThat(sections(reply)).contains("What are the goals of the surgery?");
		assertThat(reply.get("reply").stringValue()).contains("reduce back pain, and lessen leg pain");
		assertThat(actions(reply)).contains("book");
	}

	@Test
	void whetherThePatientIsACandidateIsStillTheCandidacyPassage() {
		JsonNode reply = chat(null, "the injections didn't help my back, could this work for me?");

		assertThat(sections(reply)).contains("Who is a good candidate?");
	}

	@Test
	void aFollowUpAskingWhatComesNextIsAnsweredFromTheStepAfterTheOneJustAnswered() {
		String conversation = chat(null, "How do they get the disc out?").get("conversationId").stringValue();

		JsonNode reply = chat(conversation, "and what do they put there next?");

		assertThat(sections(reply).get(0)).endsWith("The implant and bone graft");
	}

	@Test
	void aFollowUpAskingWhetherTheBonesBecomeOneIsAnsweredFromHealing() {
		String conversation = chat(null, "Is there bone graft in the implant?").get("conversationId").stringValue();

		JsonNode reply = chat(conversation, "do the bones eventually turn into one?");

		assertThat(sections(reply)).contains("Healing and fusion");
		assertThat(reply.get("reply").stringValue()).contains("the bones grow together");
	}

	@Test
	void aConditionNameDictationSplitIntoShortWordsIsStillFoundInTheList() {
		JsonNode reply = chat(null, "can this surgery treat osteo my elitis");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(reply)).contains("Which conditions can it treat?");
		assertThat(reply.get("reply").stringValue()).contains("osteomyelitis");
	}

	@Test
	void aRequestToAnswerInDetailDoesNotMakeACoveredQuestionUncovered() {
		JsonNode reply = chat(null, "How do the bones heal and fuse after the operation? Please answer in detail.");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(reply)).contains("Healing and fusion");
	}

	@Test
	void aCountQuestionGetsTheSentenceThatCountsWhatItAsksAbout() {
		JsonNode reply = chat(null, "how many incisions will they make on my back?");

		assertThat(reply.get("reply").stringValue()).contains("four small poke-hole incisions");
		assertThat(sections(reply)).anyMatch(section -> section.endsWith("Pedicle screws and rods"));
	}

	@Test
	void aQuestionAboutTheBonesGrowingTogetherCitesHealingNotTheImplantThatMentionsBoneMost() {
		JsonNode reply = chat(null, "how long before my bones knit together?");

		assertThat(sections(reply).get(0)).isEqualTo("Healing and fusion");
		assertThat(reply.get("reply").stringValue()).contains("several months");
	}

	@Test
	void aBarePriceFollowUpIsACostQuestionAboutTheProcedureAndSaysCostsAreNotInTheInformation() {
		JsonNode first = chat(null, "what is lateral fusion?");
		String conversation = first.get("conversationId").stringValue();

		JsonNode reply = chat(conversation, "how much?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("reply").stringValue())
			.contains("information does not include what Minimally Invasive Lateral Fusion costs")
			.doesNotContain("$", "Address:");
		assertThat(reply.get("citations")).isEmpty();
		assertThat(actions(reply)).contains("call", "book");
	}

	@Test
	void afterAPriceFollowUpANewTopicAndANewRedFlagWin() {
		String conversation = chat(null, "how is the surgery done?").get("conversationId").stringValue();
		chat(conversation, "price?");

		JsonNode scars = chat(conversation, "and will it leave scars?");
		JsonNode emergency = chat(conversation, "my legs went numb and I can't pee since this morning");

		assertThat(scars.get("intent").stringValue()).isEqualTo("answer");
		assertThat(sections(scars)).contains("Scars");
		assertThat(emergency.get("intent").stringValue()).isEqualTo("emergency");
	}

	@Test
	void howMuchOfSomethingElseIsNoCostQuestion() {
		JsonNode reply = chat(null, "how much blood will I lose during the operation?");

		assertThat(reply.get("reply").stringValue()).doesNotContain("costs");
	}

	@Test
	void theNumberToCallIsThePracticesPhone() {
		JsonNode reply = chat(null, "what number can I call?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith("You can call Sample Spine Practice at +1-555-0100");
		assertThat(sections(reply)).containsExactly("Contact details and opening hours");
	}

	@Test
	void areYouOpenTodaySaysWhetherTheOfficeIsOpenNowWithItsHours() {
		JsonNode reply = chat(null, "are you open today?");

		assertThat(reply.get("reply").stringValue())
			.containsPattern("^The office is (?:open|closed) right now \\(Monday to Friday, 8 am to 5 pm\\)\\.");
	}

	@Test
	void aPracticeDetailTheProfileDoesNotHoldIsNotPretendedToBeAnswered() {
		JsonNode reply = chat(null, "what's your email address?");

		assertThat(reply.get("reply").stringValue()).contains(CLOSEST_TOPIC, "+1-555-0100");
	}

	@Test
	void aMisspeltAddressAndWhereExactlyTheOfficeIsGetTheAddress() {
		assertThat(chat(null, "wats the adress of ur clinc?").get("reply").stringValue())
			.startsWith("Sample Spine Practice is at");
		assertThat(PracticeDetails.asked("where exactly is your office? I'm driving in")).contains(PracticeDetails.Detail.ADDRESS);
	}

	@Test
	void aSpanishQuestionAboutThePhoneGetsThePhone() {
		JsonNode reply = chat(null, "¿me da el número de teléfono de la consulta?");

		assertThat(reply.get("reply").stringValue()).startsWith("Puede llamar a Sample Spine Practice al +1-555-0100");
	}

	@Test
	void howManyHoursSomethingTakesIsNotAQuestionAboutTheOpeningHours() {
		assertThat(PracticeDetails.asked("how many hours does the operation take?")).isEmpty();
		assertThat(PracticeDetails.asked("what are your hours on friday?")).contains(PracticeDetails.Detail.HOURS);
	}

	@Test
	void aQuestionAboutTheProcedureThatNamesNoPracticeDetailIsAnsweredFromThePage() {
		JsonNode reply = chat(null, "¿Sirve para la espondilolistesis?");

		assertThat(sections(reply)).contains("Which conditions can it treat?");
	}

	@Test
	void aFollowUpKeepsThePassageItFollowsAsItsTopic() {
		String conversation = chat(null, "where do they put the pedicle screws?").get("conversationId").stringValue();

		JsonNode reply = chat(conversation, "and how many little cuts for those?");

		assertThat(sections(reply)).contains("How the procedure works > Pedicle screws and rods");
		assertThat(reply.get("reply").stringValue()).contains("four small poke-hole incisions");
	}

	@Test
	void whatIsPutWhereTheDiscWasCitesTheImplantNotTheDiscsRemoval() {
		JsonNode reply = chat(null, "what do they put in the empty space after they take my disc out?");

		assertThat(sections(reply).getFirst()).isEqualTo("How the procedure works > The implant and bone graft");
		assertThat(sections(chat(null, "what fills the space where my disc used to be?")).getFirst())
			.isEqualTo("How the procedure works > The implant and bone graft");
	}

	@Test
	void whySomeoneWouldHaveTheOperationAtAllCitesItsGoals() {
		JsonNode reply = chat(null, "why would I want this operation in the first place?");

		assertThat(sections(reply).getFirst()).isEqualTo("What are the goals of the surgery?");
	}

	@Test
	void whoCanBeConsideredForTheSurgeryCitesTheCandidacyPassage() {
		JsonNode reply = chat(null, "which patients can be considered for the surgery, roughly?");

		assertThat(sections(reply)).contains("Who is a good candidate?");
		assertThat(reply.get("reply").stringValue()).contains("physical therapy");
	}

	private JsonNode chat(String conversationId, String message) {
		ChatClient.Response response = new ChatClient(port).chat(conversationId, message);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> actions(JsonNode reply) {
		return ChatClient.actions(reply);
	}

	private static List<String> sections(JsonNode reply) {
		return ChatClient.sections(reply);
	}

}
