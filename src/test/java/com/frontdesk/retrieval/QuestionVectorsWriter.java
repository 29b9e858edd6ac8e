package com.frontdesk.retrieval;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Writes {@code src/main/resources/retrieval/questions/vectors.bin}: the vectors of the labelled questions the
 * answerability decision compares with, shipped so that no instance embeds them. Not part of the suite
 * ({@code QuestionExamplesTest} checks the file is complete); run after changing a question with {@code ./mvnw -q -B
 * test -Dtest=QuestionVectorsWriter -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class QuestionVectorsWriter {

	@Autowired
	Retriever retriever;

	@Autowired
	RetrievalProperties retrieval;

	@Test
	void write() throws IOException {
		Path file = Path.of("src/main/resources").resolve(QuestionExamples.VECTORS);
		retriever.questionExamples().write(file, retrieval.vectors().model());
		System.out.println("Wrote " + retriever.questionExamples().examples().size() + " questions' vectors to " + file);
	}

}
