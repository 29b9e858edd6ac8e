package com.frontdesk.conversation;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.frontdesk.retrieval.RetrievalProperties;

/**
 * Writes {@code src/main/resources/conversation/intents/vectors.bin}: the vectors of the intents' example sentences,
 * shipped so that no instance embeds them. Not part of the suite ({@code IntentsThroughTheChatTest} checks the file is
 * complete); run after changing an example with {@code ./mvnw -q -B -o test -Dtest=IntentVectorsWriter
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class IntentVectorsWriter {

	@Autowired
	IntentClassifier classifier;

	@Autowired
	RetrievalProperties retrieval;

	@Test
	void write() throws IOException {
		Path file = Path.of("src/main/resources").resolve(IntentClassifier.VECTORS);
		classifier.write(file, retrieval.vectors().model());
		System.out.println("Wrote " + classifier.examples().size() + " intent examples' vectors to " + file);
	}

}
