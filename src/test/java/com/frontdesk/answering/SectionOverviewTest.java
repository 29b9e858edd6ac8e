package com.frontdesk.answering;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.retrieval.Retrieval;
import com.frontdesk.retrieval.Retriever;

/** The step overview over a practice's own page whose steps are of uneven length (one split into two passages). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SectionOverviewTest {

	static final Path DIR = page();

	@DynamicPropertySource
	static void knowledgeFolder(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.knowledge.dir", DIR::toString);
		registry.add("frontdesk.knowledge.watch", () -> "false");
	}

	@Autowired
	Retriever retriever;

	@Autowired
	EmbeddedAnswerer answerer;

	@Test
	void aStepSplitIntoTwoPassagesIsListedOnce() {
		Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, "how is the kyphoplasty done step by step", "");

		Answer answer = answerer.answer(retrieval);

		assertThat(retrieval.wholeSection()).isTrue();
		assertThat(answer.body()).startsWith("How the procedure works:\n- Numbing: ")
			.containsOnlyOnce("- Filling the bone: ")
			.contains("- Going home: ");
		assertThat(answer.body().lines().filter(line -> line.startsWith("- "))).hasSize(3);
	}

	private static Path page() {
		try {
			Path dir = Files.createTempDirectory("frontdesk-overview");
			String filling = "The surgeon guides a thin needle into the broken vertebra using live X-ray images. ".repeat(6)
					+ "\n\n" + "A small balloon is inflated inside the bone to restore its height and make a space. ".repeat(6)
					+ "\n\nThe space is filled with bone cement, which hardens within minutes.";
			Files.writeString(dir.resolve("kyphoplasty.md"), """
					---
					title: Kyphoplasty
					url: https://www.example.com/procedures/kyphoplasty
					---
					# Kyphoplasty

					## What is kyphoplasty?

					Kyphoplasty treats a compression fracture of a vertebra with bone cement.

					## How the procedure works

					### Numbing

					Kyphoplasty starts with medicine that numbs the skin over the broken vertebra.

					### Filling the bone

					%s

					### Going home

					Most kyphoplasty patients go home the same day.
					""".formatted(filling));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
