package com.frontdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.retrieval.Retriever;
import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * A red flag told inside practice business: the business makes the message's nearest examples lean to the
 * look-alikes, so the score alone has to raise it. Here {@code score-alone-at} is set well under this message's
 * score (the shipped 0.8 was chosen on the examples, leaving each set out), through the real chat API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "frontdesk.triage.safety-net.score-alone-at=0.3")
class SureScoreTest {

	static final String CONFUSION_AMONG_ADMIN = "Hi, quick admin questions: can I get a copy of my op note, and can the "
			+ "follow-up be moved to the afternoon? Also my dad who is staying with me after his fusion suddenly does not "
			+ "know where he is or who we are tonight. Thank you.";

	@LocalServerPort
	int port;

	@Autowired
	SafetyNet net;

	@Autowired
	Retriever retriever;

	@Autowired
	Redactor redactor;

	@Test
	void aRedFlagTheScoreIsSureOfIsRaisedEvenWhenItsNearestExamplesAreBusiness() {
		float[] vector = retriever.questionVector(redactor.searchable(CONFUSION_AMONG_ADMIN), "");
		assertThat(new Triage().assess(CONFUSION_AMONG_ADMIN).urgent()).as("no rule knows these words").isFalse();
		assertThat(net.nearestExamples(vector, null).cosine()).as("the nearest examples lean to the look-alikes")
			.isLessThanOrEqualTo(0);
		assertThat(net.reading(CONFUSION_AMONG_ADMIN, vector).score().emergency()).isBetween(0.3, 0.8);

		JsonNode reply = new ChatClient(port).chat(null, CONFUSION_AMONG_ADMIN).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

}
