package com.frontdesk.retrieval;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Retrieval over the real knowledge folder: lay words, typos, and knowing what it does not cover. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RetrieverTest {

	@Autowired
	Retriever retriever;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "can it help a slipped disc|disc herniation",
			"do you treat a bone infection|osteomyelitis", "what about a disc infection|discitis",
			"I have a curved spine|scoliosis", "is it for a slipped vertebra|spondylolisthesis",
			"my first back surgery failed to fuse|failed fusion", "can a bulging disk be treated|disc herniation",
			"does it treat spond ilo listhesis|spondylolisthesis", "is it used for disc itis|discitis",
			"what does the wreck tractor do|retractor", "does it help degenrative disk disease|degenerative disc disease" })
	void layWordsFindTheClinicalTerms(String question, String expected) {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, question, "");

		assertThat(retrieval.covered()).as("coverage %.2f", retrieval.coverage()).isTrue();
		assertThat(retrieval.passages().get(0).passage().text()).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "what is XLIF", "tell me about LLIF", "is DLIF done here", "latteral fussion",
			"minimaly invasve lateral fusoin" })
	void procedureNamesAndTyposFindTheProcedure(String question) {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, question, "");

		assertThat(retrieval.covered()).isTrue();
		assertThat(retrieval.passages().get(0).passage().title()).isEqualTo("Minimally Invasive Lateral Fusion");
	}

	@ParameterizedTest
	@ValueSource(strings = { "What's the capital of France?", "how much does lateral fusion cost",
			"what is the success rate", "does insurance cover it", "what are the risks of lateral fusion",
			"do you do knee replacements", "how many weeks until I can drive", "chocolate cake recipe" })
	void saysWhenTheKnowledgeDoesNotCoverTheQuestion(String question) {
		assertThat(retriever.retrieve(PracticeId.DEFAULT, question, "").covered()).isFalse();
	}

	/** A wording none of the labelled questions has: the keywords and the passages' vectors alone pick the goals. */
	@Test
	void theSectionThatAnsweredTheNearestLabelledQuestionsComesFirst() {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, "wat is lateral fusion, my doc brought it up", "");

		assertThat(retrieval.passages().get(0).passage().section()).isEqualTo("What is minimally invasive lateral fusion?");
	}

	@Test
	void whenEverySectionMentionsTheSurgeryTheMeaningOfTheQuestionDecides() {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, "is this surgery right for me?", "");

		assertThat(retrieval.passages().get(0).passage().section()).isEqualTo("Who is a good candidate?");
	}

	@Test
	void aFollowUpUsesTheConversationTopicWithoutLosingItsOwnWords() {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, "does it leave a scar?", "Minimally Invasive Lateral Fusion");

		assertThat(retrieval.covered()).isTrue();
		assertThat(retrieval.passages().get(0).passage().section()).isEqualTo("Scars");
	}

	@ParameterizedTest
	@ValueSource(strings = { "what are pedicle screws?", "how do they remove the disc",
			"What is minimally invasive lateral fusion?" })
	void whenTheKeywordsDecideTheModelGetsTheirPassagesWithoutWaitingForTheVectorSearch(String question) {
		Retrieval both = retriever.retrieve(PracticeId.DEFAULT, question, "");

		Retrieval forModel = retriever.retrieveForModel(PracticeId.DEFAULT, question, "");

		assertThat(forModel.queryVector() == null).as("the vector search was skipped").isTrue();
		assertThat(forModel.covered()).isEqualTo(both.covered()).isTrue();
		assertThat(forModel.passages().get(0).passage()).isEqualTo(both.passages().get(0).passage());
		assertThat(forModel.confidence()).isGreaterThanOrEqualTo(both.confidence());
	}

	@ParameterizedTest
	@ValueSource(strings = { "what happens during the surgery?", "how is the surgery done step by step" })
	void aQuestionAboutAWholeSectionGetsAllItsPartsInOrderAndTheModelDoesNotWaitForTheVectorSearch(String question) {
		Retrieval forModel = retriever.retrieveForModel(PracticeId.DEFAULT, question, "");
		Retrieval embedded = retriever.retrieve(PracticeId.DEFAULT, question, "");

		assertThat(forModel.queryVector() == null).as("the vector search was skipped").isTrue();
		for (Retrieval retrieval : new Retrieval[] { forModel, embedded }) {
			assertThat(retrieval.covered()).isTrue();
			assertThat(retrieval.wholeSection()).isTrue();
			assertThat(retrieval.passages()).extracting(p -> p.passage().section()).containsExactly(
					"How the procedure works > Positioning on the operating table",
					"How the procedure works > The small incision in your side",
					"How the procedure works > Removing the disc", "How the procedure works > The implant and bone graft",
					"How the procedure works > Pedicle screws and rods");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "will they cut through my back muscles", "do they take the disc out?",
			"what is the spacer made of", "is this surgery right for me?", "will it leave a scar?" })
	void aQuestionAboutOnePartIsNotTakenForAWholeSection(String question) {
		assertThat(retriever.retrieve(PracticeId.DEFAULT, question, "").wholeSection()).isFalse();
		assertThat(retriever.retrieveForModel(PracticeId.DEFAULT, question, "").wholeSection()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "how many?", "and?", "tell me more" })
	void aFollowUpWithoutWordsOfItsOwnIsNotTakenForAWholeSection(String question) {
		assertThat(retriever.retrieve(PracticeId.DEFAULT, question, "Minimally Invasive Lateral Fusion").wholeSection()).isFalse();
	}

	@Test
	void whenTheKeywordsCannotDecideTheModelGetsWhatTheMeaningOfTheQuestionFinds() {
		Retrieval forModel = retriever.retrieveForModel(PracticeId.DEFAULT, "is this surgery right for me?", "");

		assertThat(forModel.queryVector() != null).as("the vector search was made").isTrue();
		assertThat(forModel.passages().get(0).passage().section()).isEqualTo("Who is a good candidate?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "What's the capital of France?", "how much does lateral fusion cost",
			"what is the success rate", "do you do knee replacements", "chocolate cake recipe" })
	void theModelsLookupSaysWhatTheKnowledgeDoesNotCoverLikeAnyOther(String question) {
		assertThat(retriever.retrieveForModel(PracticeId.DEFAULT, question, "").covered()).isFalse();
	}

	@Test
	void anEnormousMessageIsSearchedWithoutError() {
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < 700; i++) {
			words.append("w").append(Integer.toString(i, 36)).append(' ');
		}
		assertThat(retriever.retrieve(PracticeId.DEFAULT, words + " scar", "").passages()).isNotNull();
	}

}
