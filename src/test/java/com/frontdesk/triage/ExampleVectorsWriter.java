package com.frontdesk.triage;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.retrieval.RetrievalProperties;

/**
 * Writes {@code src/main/resources/triage/examples/vectors.bin}: the vectors of the safety net's labelled examples,
 * shipped so that no instance embeds them at start-up. Not part of the suite ({@code SafetyNetTest} checks the file
 * is complete); run after changing an example with {@code ./mvnw -q -B test -Dtest=ExampleVectorsWriter
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class ExampleVectorsWriter {

	@Autowired
	SafetyNet net;

	@Autowired
	RetrievalProperties retrieval;

	@Test
	void write() throws IOException {
		Path file = Path.of("src/main/resources").resolve(ExampleBank.VECTORS);
		net.exampleBank().write(file, retrieval.vectors().model());
		System.out.println("Wrote " + net.exampleBank().examples().size() + " examples' vectors to " + file);
	}

}
