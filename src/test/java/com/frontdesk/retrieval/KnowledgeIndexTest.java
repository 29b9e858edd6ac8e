package com.frontdesk.retrieval;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The index owner over a knowledge folder the test edits: re-index on change, atomic swaps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KnowledgeIndexTest {

	static final Path DIR = tempDir();

	@DynamicPropertySource
	static void knowledgeFolder(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.knowledge.dir", DIR::toString);
		registry.add("frontdesk.knowledge.watch", () -> "true");
		registry.add("frontdesk.knowledge.watch-debounce", () -> "100ms");
	}

	/** The default practice's index. */
	KnowledgeIndex index;

	@Autowired
	void defaultPracticesIndex(KnowledgeIndexes indexes) {
		this.index = indexes.of(PracticeId.DEFAULT);
	}

	@Autowired
	Retriever retriever;

	@BeforeEach
	void resetFolder() throws IOException {
		try (var files = Files.list(DIR)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		write("parking.md", "---\ntitle: Parking\n---\n## Where to park\nThe garage on Elm Street is free for patients.\n");
		index.reindex();
	}

	@Test
	void picksUpANewFileWithoutRestart() throws IOException {
		assertThat(retriever.retrieve(PracticeId.DEFAULT, "what about the garage", "").covered()).isTrue();
		assertThat(retriever.retrieve(PracticeId.DEFAULT, "is there wheelchair access", "").covered()).isFalse();

		write("access.md", "---\ntitle: Accessibility\n---\n## Wheelchair access\nEvery entrance has wheelchair access and ramps.\n");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(retriever.retrieve(PracticeId.DEFAULT, "is there wheelchair access", "").covered()).isTrue());
		assertThat(index.status().documents()).isEqualTo(2);
	}

	@Test
	void aMalformedFileIsSkippedAndReported() throws IOException {
		write("broken.md", "---\ntitle: Broken\n");

		IndexStatus status = index.reindex();

		assertThat(status.passages()).isEqualTo(1);
		assertThat(status.skippedFiles()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("broken.md"));
		assertThat(retriever.retrieve(PracticeId.DEFAULT, "garage", "").covered()).isTrue();
	}

	@Test
	void searchersNeverSeeAHalfBuiltIndex() throws Exception {
		StringBuilder many = new StringBuilder("---\ntitle: Many\n---\n");
		for (int i = 0; i < 200; i++) {
			many.append("## Part ").append(i).append("\nAlpha passage number ").append(i).append(".\n");
		}
		write("many.md", many.toString());
		int expected = index.reindex().passages();
		Set<Integer> seen = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread reader = Thread.ofPlatform().start(() -> {
			while (running.get()) {
				seen.add(index.withSearcher(s -> s.count(new MatchAllDocsQuery())));
				seen.add(index.withSearcher(s -> s.count(new TermQuery(new Term(IndexFields.TEXT, "alpha")))) + 1);
			}
		});
		for (int i = 0; i < 20; i++) {
			index.reindex();
		}
		running.set(false);
		reader.join();

		assertThat(seen).containsOnly(expected);
	}

	private static void write(String name, String content) {
		try {
			Files.writeString(DIR.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("frontdesk-knowledge");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
