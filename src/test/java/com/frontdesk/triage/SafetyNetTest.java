package com.frontdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The safety net behind triage's rules, through the real chat API: a red flag worded so that no concept's pattern
 * matches it is still close in meaning to the red-flag descriptions, so the reply opens with that red flag's advice
 * and the emergency action, before the answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SafetyNetTest {

	/** No concept pattern matches this wording ("will not come out" is not among the rules' phrases). */
	static final String UNMATCHED_RED_FLAG = "my pee will not come out since my surgery";

	/** Said indirectly, in words no self-harm pattern has; near in meaning to the labelled examples of self-harm. */
	static final String INDIRECT_SELF_HARM = "honestly nobody would even miss me if i just slipped away one day";

	/** No rule knows "cannot rouse him"; its nearest examples are caregivers who cannot wake someone. */
	static final String UNRESPONSIVE_THE_RULES_READ_AS_ORDINARY = "my grandpa took his night pills and now we cannot rouse him, he just lies there breathing";

	@LocalServerPort
	int port;

	@Autowired
	SafetyNet net;

	@Test
	void everyLabelledExampleHasItsVectorShippedSoNoInstanceEmbedsThemAtStartUp() {
		assertThat(ExampleBank.missingVectors(net::wording)).as("run ExampleVectorsWriter after changing an example")
			.isZero();
		assertThat(net.exampleBank().examples()).hasSizeGreaterThan(1000);
	}

	@Test
	void selfHarmSaidIndirectlyTheRulesMissGetsTheCrisisLineFirst() {
		assertThat(new Triage().assess(INDIRECT_SELF_HARM).urgent()).isFalse();

		JsonNode reply = new ChatClient(port).chat(null, INDIRECT_SELF_HARM).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("988");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aRedFlagTheRulesReadAsOrdinaryIsRaisedByItsNearestExamples() {
		assertThat(new Triage().assess(UNRESPONSIVE_THE_RULES_READ_AS_ORDINARY).urgent()).isFalse();

		JsonNode reply = new ChatClient(port).chat(null, UNRESPONSIVE_THE_RULES_READ_AS_ORDINARY).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aNegatedLookAlikeOfTheExamplesIsAnsweredWithoutAnAlarm() {
		JsonNode reply = new ChatClient(port)
			.chat(null, "my mum had her fusion last month, no chest pain or anything, can she fly to see us at christmas?")
			.json();

		assertThat(reply.get("intent").stringValue()).isNotEqualTo("emergency");
	}

	@Test
	void theRulesAloneDoNotRecogniseTheWording() {
		assertThat(new Triage().assess(UNMATCHED_RED_FLAG).clear()).isTrue();
	}

	@Test
	void aRedFlagTheRulesMissOpensWithItsAdviceAndTheEmergencyAction() {
		JsonNode reply = new ChatClient(port).chat(null, UNMATCHED_RED_FLAG).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).startsWith("If you cannot pass urine").contains("call 911 now");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void aStreamedReplyStreamsTheAdviceBeforeAnythingElse() {
		Response response = new ChatClient(port).post("/api/chat/stream",
				"{\"message\": \"" + UNMATCHED_RED_FLAG + "\"}", "application/json");

		String body = response.body();
		int firstToken = body.indexOf("event:token");
		assertThat(firstToken).as("the stream has tokens").isNotNegative();
		String firstData = body.substring(body.indexOf("data:", firstToken), body.indexOf('\n', body.indexOf("data:", firstToken)));
		assertThat(firstData).contains("If you cannot pass urine");
	}

	@Test
	void aRedFlagTheRulesUnderstoodAsNegatedIsNotSecondGuessed() {
		JsonNode reply = new ChatClient(port)
			.chat(null, "I don't have a fever and the incision isn't red, when can I shower?").json();

		assertThat(reply.get("intent").stringValue()).isNotEqualTo("emergency");
	}

	@Test
	void anOrdinaryQuestionIsAnsweredWithoutAnAlarm() {
		JsonNode reply = new ChatClient(port).chat(null, "Will lateral fusion leave a big scar?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("actions").findValuesAsString("type")).doesNotContain("emergency");
	}

}
