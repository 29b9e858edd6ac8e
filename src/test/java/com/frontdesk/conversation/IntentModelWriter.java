package com.frontdesk.conversation;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Writes {@code src/main/resources/conversation/intents/model.bin}: the intents learned from every example with its
 * shipped vector ({@link IntentModelTraining}). Not part of the suite ({@code IntentsThroughTheChatTest} checks the
 * model was learned from the examples as they are); run after changing an example and writing the vectors again
 * ({@code IntentVectorsWriter}), with {@code ./mvnw -q -B -o test -Dtest=IntentModelWriter
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class IntentModelWriter {

	@Autowired
	IntentClassifier classifier;

	@Test
	void write() throws IOException {
		IntentModel model = IntentModelTraining.fit(classifier, example -> true, classifier.fingerprint());
		Path file = Path.of("src/main/resources").resolve(IntentModel.RESOURCE);
		model.model().write(file);
		System.out.println("Wrote the intents learned from " + classifier.examples().size() + " examples to " + file);
	}

}
