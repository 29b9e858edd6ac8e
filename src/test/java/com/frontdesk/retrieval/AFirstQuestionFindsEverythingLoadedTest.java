package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import com.frontdesk.platform.Preloaded;

/**
 * What a first question needs (the questions' embedding model, the labelled questions, the safety net's and the
 * intents' examples) is loaded while the app starts, before the context (and with it readiness) is up: the first
 * patient does not wait for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AFirstQuestionFindsEverythingLoadedTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Embeddings embeddings;

	@Test
	void theModelAndTheExamplesAreLoadedOnceTheAppHasStarted() {
		assertThat(context.getBeansOfType(Preloaded.class)).containsOnlyKeys("questionEmbeddingModel",
				"answerabilityExamples", "safetyNetExamples", "intentExamples");
		assertThat(embeddings.questionModelLoaded()).isTrue();
	}

}
