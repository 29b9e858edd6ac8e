package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
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
