package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedPartTest {

	@Test
	void aQuestionWithGreetingsAndThanksAroundItIsAskedByItself() {
		assertThat(AskedPart.of("Hi there, hope your day is going well. My sister recommended you after her back trouble. "
				+ "Could you explain what a lateral fusion is? Thanks so much!"))
			.isEqualTo("Could you explain what a lateral fusion is?");
	}

	@Test
	void aMessageOfOneSentenceOrOnlyQuestionsHasNoPartApart() {
		assertThat(AskedPart.of("what is lateral fusion?")).isEmpty();
		assertThat(AskedPart.of("What is it? How long does it take?")).isEmpty();
		assertThat(AskedPart.of("I have scoliosis. My back hurts.")).isEmpty();
	}

	@Test
	void aFewWordsAfterTheQuestionStayPartOfIt() {
		assertThat(AskedPart.of("how much? cost")).isEmpty();
		assertThat(AskedPart.of("I have scoliosis. Can this help?")).isEmpty();
	}

	@Test
	void aClosingClauseThatSaysWhenOrWhereIsTheQuestionsCircumstance() {
		assertThat(AskedPart.circumstance("what fills the hole after they take my disc out?")).isEqualTo("after they take my disc out");
		assertThat(AskedPart.circumstance("what sits in the spot where my disc used to be")).isEqualTo("where my disc used to be");
	}

	@Test
	void aClauseTheQuestionGoesOnAfterOrOneItOpensWithIsNoCircumstance() {
		assertThat(AskedPart.circumstance("I hurt after my laminectomy, is this for me?")).isEmpty();
		assertThat(AskedPart.circumstance("after surgery, how long until the bones fuse?")).isEmpty();
		assertThat(AskedPart.circumstance("when?")).isEmpty();
	}

}
