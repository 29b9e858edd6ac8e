package com.frontdesk.retrieval;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The smallest installs switch vectors off: keyword search alone still answers and still knows its limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "frontdesk.retrieval.vectors.enabled=false")
class KeywordOnlyRetrieverTest {

	@Autowired
	Retriever retriever;

	@Autowired
	Embeddings embeddings;

	@Test
	void answersWithoutVectors() {
		Retrieval scar = retriever.retrieve(PracticeId.DEFAULT, "will it leave a big scar?", "");

		assertThat(scar.covered()).isTrue();
		assertThat(scar.passages().get(0).passage().section()).isEqualTo("Scars");
		assertThat(scar.queryVector()).isNull();
		assertThat(retriever.retrieve(PracticeId.DEFAULT, "What's the capital of France?", "").covered()).isFalse();
		assertThat(embeddings.modelLoaded()).isFalse();
	}

	@Test
	void aModelAskedAboutAWholeSectionReadsAllItsPartsWithoutVectorsToo() {
		Retrieval steps = retriever.retrieveForModel(PracticeId.DEFAULT, "how is the surgery done step by step", "");

		assertThat(steps.covered()).isTrue();
		assertThat(steps.passages()).hasSize(5)
			.allSatisfy(p -> assertThat(p.passage().section()).startsWith("How the procedure works > "));
		assertThat(steps.passages().get(0).passage().section()).endsWith("Positioning on the operating table");
	}

}
