package com.frontdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MedQuAD extract (Ben Abacha &amp; Demner-Fushman 2019, CC BY 4.0) as a knowledge folder: every record's answer
 * becomes one Markdown knowledge file (front matter {@code title: <focus>}, {@code url: <url>}, body = the answer, one
 * paragraph per line of the answer), so Frontdesk chunks it exactly as it chunks the practice's own content. The
 * record's question is the query; the relevant documents are its own answer and every record with an identical
 * answer text.
 */
final class MedQuadCorpus {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One question/answer pair of the extract. */
	record Qa(String id, String source, String focus, String qtype, String question, String answer, String url) {

		/** The knowledge file's name, and the document key of its passages. */
		String file() {
			return id + ".md";
		}

	}

	private MedQuadCorpus() {
	}

	/**
	 * Whether a record belongs to the tune part of the fixed tune/report split: the CRC-32 of its id, modulo 100, is
	 * below {@code tunePercent}. Stable across runs, machines and corpus order.
	 */
	static boolean inTunePart(Qa qa, int tunePercent) {
		CRC32 crc = new CRC32();
		crc.update(qa.id().getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % 100 < tunePercent;
	}

	/**
	 * The corpus file: {@code -Dbench.medquad=} (the {@code .jsonl.gz} file or its folder), else
	 * {@code ../shared/datasets/medquad/medquad.jsonl.gz} beside the repository, else {@code /work/shared/...}.
	 */
	static Path locate() {
		String configured = System.getProperty("bench.medquad", "").strip();
		List<Path> candidates = new ArrayList<>();
		if (!configured.isEmpty()) {
			candidates.add(Path.of(configured));
		}
		candidates.add(Path.of("..", "shared", "datasets", "medquad"));
		candidates.add(Path.of("/work/shared/datasets/medquad"));
		for (Path candidate : candidates) {
			Path file = Files.isDirectory(candidate) ? candidate.resolve("medquad.jsonl.gz") : candidate;
			if (Files.isRegularFile(file)) {
				return file.toAbsolutePath().normalize();
			}
			if (!configured.isEmpty()) {
				throw new IllegalStateException("-Dbench.medquad=" + configured + ": no medquad.jsonl.gz there");
			}
		}
		throw new IllegalStateException("MedQuAD not found: pass -Dbench.medquad=<path to medquad.jsonl.gz or its folder>"
				+ " (looked in ../shared/datasets/medquad and /work/shared/datasets/medquad)");
	}

	static List<Qa> load(Path file) {
		boolean gzip = file.getFileName().toString().endsWith(".gz");
		try (var raw = Files.newInputStream(file);
				var in = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw, 1 << 16) : raw,
						StandardCharsets.UTF_8))) {
			List<Qa> records = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = JSON.readTree(line);
				records.add(new Qa(text(node, "id"), text(node, "source"), text(node, "focus"), text(node, "qtype"),
						text(node, "question"), text(node, "answer"), text(node, "url")));
			}
			return records;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** The ids of the back/spine subset ({@code medquad-spine.jsonl} beside the corpus file). */
	static Set<String> spineIds(Path corpusFile) {
		Path spine = corpusFile.resolveSibling("medquad-spine.jsonl");
		Set<String> ids = new LinkedHashSet<>();
		if (Files.isRegularFile(spine)) {
			load(spine).forEach(qa -> ids.add(qa.id()));
		}
		return ids;
	}

	/** A fixed random subset of {@code size} records (all of them when size is 0 or larger), in corpus order. */
	static List<Qa> sample(List<Qa> records, int size, long seed) {
		if (size <= 0 || size >= records.size()) {
			return records;
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		List<Integer> chosen = new ArrayList<>(order.subList(0, size));
		Collections.sort(chosen);
		return chosen.stream().map(records::get).toList();
	}

	/** For every record, the documents that answer its question: itself and the records with the same answer text. */
	static Map<String, Set<String>> relevance(List<Qa> records) {
		Map<String, List<String>> byAnswer = new HashMap<>();
		for (Qa qa : records) {
			byAnswer.computeIfAbsent(normalized(qa.answer()), k -> new ArrayList<>()).add(qa.file());
		}
		Map<String, Set<String>> relevant = new HashMap<>();
		for (Qa qa : records) {
			relevant.put(qa.id(), new LinkedHashSet<>(byAnswer.get(normalized(qa.answer()))));
		}
		return relevant;
	}

	/** Writes one knowledge file per record into an empty folder. */
	static void writeKnowledge(List<Qa> records, Path folder) {
		try {
			Files.createDirectories(folder);
			for (Qa qa : records) {
				Files.writeString(folder.resolve(qa.file()), markdown(qa), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the MedQuAD knowledge folder " + folder, ex);
		}
	}

	static String markdown(Qa qa) {
		String title = oneLine(qa.focus()).isEmpty() ? oneLine(qa.question()) : oneLine(qa.focus());
		StringBuilder md = new StringBuilder();
		md.append("---\n").append("title: ").append(title).append('\n');
		if (!oneLine(qa.url()).isEmpty()) {
			md.append("url: ").append(oneLine(qa.url())).append('\n');
		}
		md.append("---\n");
		for (String line : qa.answer().split("\\R")) {
			if (!line.isBlank()) {
				md.append('\n').append(line.strip()).append('\n');
			}
		}
		return md.toString();
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ").strip();
	}

	private static String normalized(String answer) {
		return answer.replaceAll("\\s+", " ").strip();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

}
