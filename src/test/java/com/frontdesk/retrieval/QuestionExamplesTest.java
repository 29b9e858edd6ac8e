package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The labelled questions the answerability decision compares a new question with. */
class QuestionExamplesTest {

	@Test
	void aQuestionWrittenAlikeInSeveralSetsCountsOnce() {
		List<String> messages = QuestionExamples.load(wording -> wording, text -> new float[] { 1 })
			.examples()
			.stream()
			.map(QuestionExamples.Example::message)
			.toList();

		assertThat(messages).doesNotHaveDuplicates().contains("recovery time?");
	}

}
