package com.frontdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

	@TempDir
	Path dir;

	KnowledgeLoader loader(Path folder) {
		return new KnowledgeLoader(new KnowledgeProperties(folder, false, Duration.ofMillis(100), 90));
	}

	@Test
	void splitsThePracticeContentByHeadingsKeepingTitleAndSectionPath() {
		KnowledgeSnapshot snapshot = loader(Path.of("knowledge")).load();

		assertThat(snapshot.problems()).isEmpty();
		assertThat(snapshot.documents()).isGreaterThanOrEqualTo(1);
		Passage implant = snapshot.passages().stream()
			.filter(p -> p.section().endsWith("The implant and bone graft")).findFirst().orElseThrow();
		assertThat(implant.title()).isEqualTo("Minimally Invasive Lateral Fusion");
		assertThat(implant.section()).isEqualTo("How the procedure works > The implant and bone graft");
		assertThat(implant.text()).contains("strong synthetic material").doesNotContain("#");
		assertThat(implant.url()).isEqualTo("/procedures/minimally-invasive-lateral-fusion");
		assertThat(implant.tags()).contains("XLIF");
	}

	@Test
	void keepsEveryFactOfThePracticePage() {
		String all = String.join("\n", loader(Path.of("knowledge")).load().passages().stream().map(Passage::text).toList());

		assertThat(all).contains("stabilize your spine", "reduce back pain", "lessen leg pain", "physical therapy",
				"pain medications", "steroid injections", "degenerative disc disease", "recurrent disc herniation",
				"spinal instability", "spondylolisthesis", "failed fusion", "osteomyelitis (bone infection)",
				"discitis (disc infection)", "tumors", "scoliosis", "post-laminectomy syndrome", "on your side",
				"taped to the table", "small incision in your side", "muscle tissue", "retractor",
				"more normal position", "strong synthetic material", "bone graft", "critical support",
				"several months", "four small poke-hole incisions", "pedicle screws", "Connecting rods", "fuse",
				"one small scar on your side", "small scars on your back", "Same-day appointments and procedures");
	}

	@Test
	void aDocumentWithLangEsIsSpanishAndOneWithoutIsEnglish() throws IOException {
		write("es.md", "---\ntitle: Fusión lateral\nlang: es\n---\n## Cicatrices\nUna pequeña cicatriz.\n");
		write("mx.md", "---\ntitle: Fusión\nlang: es-MX\n---\n## Cicatrices\nUna cicatriz.\n");
		write("en.md", "---\ntitle: Lateral fusion\n---\n## Scars\nOne small scar.\n");

		List<Passage> passages = loader(dir).load().passages();

		assertThat(passages).filteredOn(p -> p.id().startsWith("es.md") || p.id().startsWith("mx.md"))
			.hasSize(2).allMatch(Passage::spanish);
		assertThat(passages).filteredOn(p -> p.id().startsWith("en.md")).singleElement()
			.satisfies(p -> assertThat(p.language()).isEqualTo(Passage.ENGLISH));
	}

	@Test
	void reportsAMalformedFileByNameAndKeepsTheOthers() throws IOException {
		write("good.md", "---\ntitle: Good\nurl: /good\n---\n## Part\nUseful text here.\n");
		write("unclosed.md", "---\ntitle: Broken\nno closing fence\n## Part\ntext\n");
		write("badline.md", "---\ntitle: Bad\nthis line has no colon\n---\ntext\n");
		write("untitled.md", "Just text without any title.\n");
		write("empty.md", "---\ntitle: Empty\n---\n\n");
		Files.write(dir.resolve("latin1.md"), new byte[] { '#', ' ', 'T', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n' });
		write("notes.pdf", "ignored: not a knowledge file");

		KnowledgeSnapshot snapshot = loader(dir).load();

		assertThat(snapshot.documents()).isEqualTo(1);
		assertThat(snapshot.passages()).extracting(Passage::title).containsOnly("Good");
		assertThat(snapshot.problems()).extracting(KnowledgeProblem::file)
			.containsExactlyInAnyOrder("unclosed.md", "badline.md", "untitled.md", "empty.md", "latin1.md");
		assertThat(snapshot.problems()).filteredOn(p -> p.file().equals("latin1.md")).first()
			.extracting(KnowledgeProblem::reason).isEqualTo("not valid UTF-8 text");
	}

	@Test
	void readsPlainTextFilesAndSubfolders() throws IOException {
		Files.createDirectories(dir.resolve("faq"));
		write("faq/parking-and-arrival.txt", "Parking is free in the garage.\n\nArrive 30 minutes early.\n");

		List<Passage> passages = loader(dir).load().passages();

		assertThat(passages).hasSize(1);
		assertThat(passages.get(0).title()).isEqualTo("Parking and arrival");
		assertThat(passages.get(0).id()).isEqualTo("faq/parking-and-arrival.txt#0");
		assertThat(passages.get(0).text()).contains("Parking is free").contains("30 minutes early");
	}

	@Test
	void splitsLongSectionsIntoPassagesThatFitTheEmbeddingWindow() throws IOException {
		String sentence = "This sentence has exactly eight words in it. ";
		write("long.md", "# Long\n## Section\n" + sentence.repeat(40) + "\n\n" + sentence.repeat(5) + "\n");

		List<Passage> passages = loader(dir).load().passages();

		assertThat(passages).hasSizeGreaterThan(3);
		assertThat(passages).allSatisfy(p -> {
			assertThat(p.text().split("\\s+").length).isLessThanOrEqualTo(90);
			assertThat(p.section()).isEqualTo("Section");
		});
	}

	@Test
	void missingFolderIsAnErrorNotAnEmptyKnowledgeBase() {
		assertThatThrownBy(() -> loader(dir.resolve("nope")).load()).isInstanceOf(KnowledgeFolderMissing.class);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content);
	}

}
