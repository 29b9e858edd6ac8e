package com.frontdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * The red-flag score learned from the labelled examples, through the real chat API. It raises a red flag told in
 * words no rule has, and takes back an alarm of the rules when the message is far more like the look-alikes (a red
 * flag ruled out by a test, a question about a risk) than like any emergency. It also sends to the care team a
 * question about choosing or combining a medicine worded so that no rule knows it. The wordings here are not among
 * the examples.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RedFlagScoreTest {

	static final String PREPARATIONS = "i wrote letters to each of my kids last night and put them in the drawer, "
			+ "i know how i'm going to do it once everyone's asleep";

	static final String RULED_OUT_BY_A_SCAN = "the swelling on my calf was checked last week with an ultrasound and it "
			+ "was just a bruise. when can i start walking on the treadmill?";

	static final String A_RISK_ASKED_ABOUT = "we watched a movie where a guy had a stroke and now my wife is nervous. "
			+ "is stroke a risk of lateral fusion?";

	@LocalServerPort
	int port;

	@Autowired
	SafetyNet net;

	@Test
	void theShippedScoreWasLearnedFromTheExamplesAsTheyAre() {
		assertThat(net.model()).as("src/main/resources/" + RedFlagModel.RESOURCE).isNotNull();
		assertThat(net.model().fingerprint()).as("run RedFlagModelWriter after changing an example")
			.isEqualTo(net.exampleBank().fingerprint());
		assertThat(net.model().classes()).startsWith(RedFlagModel.NONE).contains(Concept.SELF_HARM, "cauda-equina");
	}

	@Test
	void thoughtsOfSelfHarmToldAsPreparationsGetTheCrisisLineFirst() {
		assertThat(new Triage().assess(PREPARATIONS).urgent()).as("no rule knows these words").isFalse();

		JsonNode reply = new ChatClient(port).chat(null, PREPARATIONS).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("988");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aRedFlagATestHasRuledOutIsAnsweredInsteadOfSentTo911() {
		assertThat(new Triage().assess(RULED_OUT_BY_A_SCAN).urgent()).as("the rules alone raise it").isTrue();

		JsonNode reply = new ChatClient(port).chat(null, RULED_OUT_BY_A_SCAN).json();

		assertThat(reply.get("intent").stringValue()).isNotEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).doesNotContain("911");
	}

	@Test
	void theDiscCollapsingInThePagesOwnWordsIsAnsweredFromThePageNotSentTo911() {
		JsonNode reply = new ChatClient(port).chat(null, "the doctor says I have a collapsed disc - are the bones realigned?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).doesNotContain("911").contains("moved back into a more normal position");
	}

	@Test
	void aQuestionAboutTheRiskOfARedFlagIsAnsweredInsteadOfSentTo911() {
		assertThat(new Triage().assess(A_RISK_ASKED_ABOUT).urgent()).as("the rules alone raise it").isTrue();

		JsonNode reply = new ChatClient(port).chat(null, A_RISK_ASKED_ABOUT).json();

		assertThat(reply.get("intent").stringValue()).isNotEqualTo("emergency");
	}

	@Test
	void aFarewellThatSoundsFinalGetsTheCrisisLineRatherThanAGoodbye() {
		String farewell = "im saying goodbye to everyone today. thanks for being kind, i wont need the appointment anymore";
		assertThat(new Triage().assess(farewell).urgent()).as("no rule knows these words").isFalse();

		JsonNode reply = new ChatClient(port).chat(null, farewell).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("988");
	}

	@Test
	void aFarewellToTheStaffThatAnnouncesAnActGetsTheCrisisLineFirst() {
		String message = "thanks for everything, tell the surgeon its not his fault what im about to do";
		assertThat(new Triage().assess(message).urgent()).as("no rule knows these words").isFalse();

		JsonNode reply = new ChatClient(port).chat(null, message).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("988");
	}

	@Test
	void anOfficeHoursQuestionThatTellsThoughtsOfSelfHarmGetsTheCrisisLineBeforeTheHours() {
		String message = "what time do you close today? i want to drop off my papers before i go to the bridge tonight "
				+ "for the last time";
		assertThat(new Triage().assess(message).urgent()).as("no rule knows these words").isFalse();

		JsonNode reply = new ChatClient(port).chat(null, message).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		String text = reply.get("reply").stringValue();
		assertThat(text).as("the crisis line, then the hours asked for").contains("988", "opening hours");
		assertThat(text.indexOf("988")).isLessThan(text.indexOf("opening hours"));
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void askingForAPersonWhileTellingThoughtsOfSelfHarmGetsTheCrisisLineAndStillReachesTheTeam() {
		String message = "put me through to a human, i've been thinking it would be easier to just not be here";
		assertThat(new Triage().assess(message).urgent()).as("no rule knows these words").isFalse();

		JsonNode reply = new ChatClient(port).chat(null, message).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("988");
		assertThat(reply.get("actions").findValuesAsString("type")).contains("emergency", "callback");
	}

	@Test
	void movingAwayForGoodAndCancellingIsNotAnAlarm() {
		JsonNode reply = new ChatClient(port)
			.chat(null, "we are moving to arizona for good next month, please cancel my consultation and send my records")
			.json();

		assertThat(reply.get("intent").stringValue()).isNotEqualTo("emergency");
	}

	@Test
	void anOrdinaryThankYouAndGoodbyeIsSmallTalk() {
		JsonNode reply = new ChatClient(port).chat(null, "thanks so much for the help, bye!").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("greeting");
	}

	@Test
	void choosingBetweenTwoMedicinesInWordsNoRuleKnowsGoesToTheCareTeam() {
		String choice = "is it better to go with the patch or the pills for the nerve pain";
		assertThat(new Triage().assess(choice).clear()).as("no rule knows these words").isTrue();

		JsonNode reply = new ChatClient(port).chat(null, choice).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("needs_clinician");
		assertThat(reply.get("citations")).isEmpty();
		assertThat(reply.get("actions").findValuesAsString("type")).contains("call", "book");
	}

	@Test
	void combiningMedicinesAskedInSpanishGoesToTheCareTeamInSpanish() {
		String combining = "el doctor me dio pregabalina, puedo tomarla con mi pastilla de la presion";
		assertThat(new Triage().assess(combining).clear()).as("no rule knows these words").isTrue();

		JsonNode reply = new ChatClient(port).chat(null, combining).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("needs_clinician");
		assertThat(reply.get("reply").stringValue()).containsAnyOf("equipo", "médico", "medico");
	}

	@Test
	void aQuestionAboutWhatTheOperationUsesIsNotSentToTheCareTeam() {
		JsonNode reply = new ChatClient(port).chat(null, "what kind of anesthesia is used for lateral fusion").json();

		assertThat(reply.get("intent").stringValue()).isIn("answer", "not_covered");
	}

	@Test
	void aPresentRedFlagTheRulesRaiseStaysAnEmergency() {
		JsonNode reply = new ChatClient(port)
			.chat(null, "my mom is 80, she had the side fusion tuesday and tonight she doesn't know who I am")
			.json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

}
