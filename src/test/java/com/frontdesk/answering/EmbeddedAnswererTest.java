package com.frontdesk.answering;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.retrieval.Retriever;

/** Answers without a language model, composed from the real knowledge folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedAnswererTest {

	@Autowired
	Retriever retriever;

	@Autowired
	EmbeddedAnswerer answerer;

	@ParameterizedTest
	@ValueSource(strings = { "how is the surgery done step by step", "what happens during the surgery?",
			"walk me through the operation", "what do they do in the operation", "what does the surgeon do?",
			"describe the procedure" })
	void aQuestionAboutTheWholeProcedureGetsEveryStepInThePagesOrder(String question) {
		Answer answer = answerer.answer(retriever.retrieve(PracticeId.DEFAULT, question, ""));

		assertThat(answer.body()).startsWith("How the procedure works:\n- Positioning on the operating table: ")
			.containsSubsequence("placed on the operating table on your side",
					"\n- The small incision in your side: Your surgeon reaches your spine through a small incision",
					"\n- Removing the disc: ", "the disc between the bones is removed", "\n- The implant and bone graft: ",
					"implant made of",
					"\n- Pedicle screws and rods: ", "pedicle screws");
		assertThat(answer.citations()).singleElement()
			.satisfies(c -> assertThat(c.section()).isEqualTo("How the procedure works"));
		assertThat(answer.sourceLine()).isEqualTo("Source: Minimally Invasive Lateral Fusion – How the procedure works");
	}

	@Test
	void askedHowManyTheAnswerAddsTheSentenceThatCountsWhatIsAskedFromALaterPassage() {
		Answer answer = answerer.answer(retriever.retrieve(PracticeId.DEFAULT, "how many incisions will I have?", ""));

		assertThat(answer.body()).as("not only the incision in the side, and incisions rather than scars")
			.contains("a small incision in your side", "four small poke-hole incisions")
			.doesNotContain("one small scar");
	}

	@Test
	void askedHowManyScarsTheScarsPassageAnswersAlone() {
		Answer answer = answerer.answer(retriever.retrieve(PracticeId.DEFAULT, "how many scars will I have", ""));

		assertThat(answer.body()).startsWith("Upon healing, you will have one small scar on your side");
		assertThat(answer.citations()).extracting(Citation::section).containsExactly("Scars");
	}

	@Test
	void aQuotedListItemComesWithTheSentenceThatIntroducesTheList() {
		Answer answer = answerer.answer(retriever.retrieve(PracticeId.DEFAULT, "can this help my scoliosis\ngood candidate", ""));

		assertThat(answer.body()).contains("You may be a good candidate")
			.containsSubsequence("Conditions that may be treated with minimally invasive lateral fusion include:\n- ",
					"\n- scoliosis");
	}

	@ParameterizedTest
	@ValueSource(strings = { "will they cut through my back muscles", "whats the retractor for",
			"do they put screws and rods in your back?" })
	void aQuestionAboutOneStepStillGetsThatStep(String question) {
		Answer answer = answerer.answer(retriever.retrieve(PracticeId.DEFAULT, question, ""));

		assertThat(answer.body()).doesNotStartWith("How the procedure works:");
		assertThat(answer.citations().get(0).section()).startsWith("How the procedure works > ");
	}

}
