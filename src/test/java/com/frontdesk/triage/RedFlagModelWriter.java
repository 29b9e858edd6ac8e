package com.frontdesk.triage;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.learning.LinearModelTraining;

/**
 * Writes {@code src/main/resources/triage/examples/model.bin}: the red-flag score learned from every labelled example
 * with its shipped vector and from ordinary chat ({@link OrdinaryChat}) ({@link RedFlagModelTraining}, default settings). Not part of the suite
 * ({@code RedFlagModelTest} checks the model was learned from the examples as they are); run after changing an
 * example and writing the vectors again, with {@code ./mvnw -q -B test -Dtest=RedFlagModelWriter
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class RedFlagModelWriter {

	@Autowired
	SafetyNet net;

	@Autowired
	com.frontdesk.retrieval.Retriever retriever;

	@Autowired
	Redactor redactor;

	@Test
	void write() throws IOException {
		ExampleBank bank = net.exampleBank();
		java.util.List<String> classes = RedFlagModelTraining.classes(bank.examples());
		java.util.List<LinearModelTraining.Sample> samples = new java.util.ArrayList<>(
				RedFlagModelTraining.samples(bank, classes, e -> true));
		samples.addAll(OrdinaryChat.samples(retriever, redactor));
		RedFlagModel model = RedFlagModelTraining.fit(samples, classes, RedFlagModelTraining.careTeam(bank.examples()),
				LinearModelTraining.Settings.DEFAULT, bank.fingerprint());
		Path file = Path.of("src/main/resources").resolve(RedFlagModel.RESOURCE);
		model.model().write(file);
		System.out.println("Wrote the red-flag score of " + bank.examples().size() + " examples to " + file);
	}

}
