package com.frontdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The red-flag concepts, their word groups and the context words, read from the resource files under
 * {@code triage/} that a clinician reviews (see {@code triage/README.md} for their format).
 */
record Vocabulary(Map<String, List<String>> groups, Map<String, List<Part.Near>> patterns, List<Concept> concepts,
		Map<ContextKind, List<String>> context, Set<String> ordinaryWords) {

	static final List<String> CONCEPT_FILES = List.of("self-harm", "cauda-equina", "neuro-deficit",
			"post-op-infection", "blood-clot", "severe-pain", "stroke", "fainting-confusion", "heavy-bleeding",
			"allergic-reaction", "medicine", "test-result");

	private static final int DEFAULT_SLOP = 3;

	/** One part of a pattern: a word group, or a named pattern of groups. */
	sealed interface Part {

		/** Groups close together: within {@code slop} other words, in this order when {@code ordered}. */
		record Near(List<String> groups, int slop, boolean ordered) implements Part {
		}

		/** A named pattern ({@code @name}) or groups close together that must also be in the message, anywhere. */
		record Anywhere(String pattern, Near near) implements Part {
		}

	}

	/** One {@code match:} line: the groups close together, and what else must be in the message. */
	record Match(Part.Near near, List<Part.Anywhere> alsoAnywhere) {
	}

	static Vocabulary load() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		Map<String, List<Part.Near>> patterns = new LinkedHashMap<>();
		readGroups(text("triage/concepts/_shared.txt"), groups, patterns);
		List<Concept> concepts = new ArrayList<>();
		for (String file : CONCEPT_FILES) {
			concepts.add(readConcept(file, text("triage/concepts/" + file + ".txt"), groups, patterns));
		}
		Map<ContextKind, List<String>> context = new LinkedHashMap<>();
		Map<String, List<String>> contextGroups = new LinkedHashMap<>();
		readGroups(text("triage/context.txt"), contextGroups, new LinkedHashMap<>());
		for (ContextKind kind : ContextKind.values()) {
			context.put(kind, contextGroups.getOrDefault(kind.fileName(), List.of()));
		}
		Set<String> ordinary = Set.copyOf(lines(text("triage/ordinary-words.txt")).stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(String::strip)
			.toList());
		Vocabulary vocabulary = new Vocabulary(groups, patterns, concepts, context, ordinary);
		vocabulary.check();
		return vocabulary;
	}

	/** Every group and pattern a concept names exists: a typo in a file fails at start-up, not on a patient. */
	private void check() {
		for (Concept concept : concepts) {
			for (Match match : concept.matches()) {
				match.near().groups().forEach(this::group);
				for (Part.Anywhere anywhere : match.alsoAnywhere()) {
					if (anywhere.pattern() != null && !patterns.containsKey(anywhere.pattern())) {
						throw new IllegalStateException("Triage concept " + concept.id() + " names the unknown pattern @"
								+ anywhere.pattern());
					}
					if (anywhere.near() != null) {
						anywhere.near().groups().forEach(this::group);
					}
				}
			}
		}
		patterns.values().forEach(list -> list.forEach(near -> near.groups().forEach(this::group)));
	}

	List<String> group(String name) {
		List<String> words = groups.get(name);
		if (words == null) {
			throw new IllegalStateException("Triage vocabulary names the unknown group [" + name + "]");
		}
		return words;
	}

	private static Concept readConcept(String file, String text, Map<String, List<String>> groups,
			Map<String, List<Part.Near>> patterns) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<Match> matches = new ArrayList<>();
		for (String line : logicalLines(text)) {
			int colon = line.indexOf(':');
			if (line.startsWith("[")) {
				continue;
			}
			if (colon < 0) {
				throw new IllegalStateException("Unreadable line in triage/concepts/" + file + ".txt: " + line);
			}
			String key = line.substring(0, colon).strip();
			String value = line.substring(colon + 1).strip();
			if (key.equals("match")) {
				matches.add(match(value));
			}
			else if (!key.startsWith("pattern ")) {
				fields.put(key, value);
			}
		}
		readGroups(text, groups, patterns);
		return new Concept(fields.getOrDefault("concept", file), TriageOutcome.of(fields.get("outcome")),
				fields.getOrDefault("advice", ""), fields.getOrDefault("advice-es", ""), kinds(fields.get("not-when")),
				kinds(fields.get("ignores")), List.copyOf(matches));
	}

	private static Set<ContextKind> kinds(String list) {
		EnumSet<ContextKind> kinds = EnumSet.noneOf(ContextKind.class);
		for (String kind : list == null ? new String[0] : list.split(",")) {
			if (!kind.isBlank()) {
				kinds.add(ContextKind.of(kind.strip()));
			}
		}
		return kinds;
	}

	/** Reads {@code [group] words} and {@code pattern name: ...} lines into the given maps. */
	private static void readGroups(String text, Map<String, List<String>> groups, Map<String, List<Part.Near>> patterns) {
		for (String line : logicalLines(text)) {
			if (line.startsWith("[")) {
				int close = line.indexOf(']');
				String name = line.substring(1, close).strip();
				List<String> words = Arrays.stream(line.substring(close + 1).split(","))
					.map(String::strip)
					.filter(word -> !word.isEmpty())
					.toList();
				groups.merge(name, words, (a, b) -> {
					List<String> merged = new ArrayList<>(a);
					merged.addAll(b);
					return merged;
				});
			}
			else if (line.startsWith("pattern ")) {
				int colon = line.indexOf(':');
				String name = line.substring("pattern ".length(), colon).strip();
				patterns.computeIfAbsent(name, n -> new ArrayList<>()).add(near(line.substring(colon + 1).strip()));
			}
		}
	}

	/** {@code a b /4 + c + @d}: groups a and b within 4 words, and c and pattern d anywhere. */
	static Match match(String value) {
		String[] parts = value.split("\\+");
		List<Part.Anywhere> anywhere = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			String name = parts[i].strip();
			anywhere.add(name.startsWith("@") ? new Part.Anywhere(name.substring(1), null) : new Part.Anywhere(null, near(name)));
		}
		return new Match(near(parts[0].strip()), List.copyOf(anywhere));
	}

	private static Part.Near near(String value) {
		int slop = DEFAULT_SLOP;
		String body = value;
		int slash = value.lastIndexOf('/');
		if (slash >= 0) {
			slop = Integer.parseInt(value.substring(slash + 1).strip());
			body = value.substring(0, slash).strip();
		}
		boolean ordered = body.contains(">");
		List<String> groups = Arrays.stream(body.split("[>\\s]+")).filter(g -> !g.isBlank()).toList();
		return new Part.Near(groups, slop, ordered);
	}

	/** Lines without comments, with indented continuation lines joined to the line they continue. */
	private static List<String> logicalLines(String text) {
		List<String> result = new ArrayList<>();
		for (String raw : lines(text)) {
			if (raw.isBlank() || raw.strip().startsWith("#")) {
				continue;
			}
			if (Character.isWhitespace(raw.charAt(0)) && !result.isEmpty()) {
				String previous = result.removeLast();
				String joiner = previous.endsWith(",") ? " " : ", ";
				result.add(previous + joiner + raw.strip());
			}
			else {
				result.add(raw.strip());
			}
		}
		return result;
	}

	private static List<String> lines(String text) {
		return text.lines().toList();
	}

	private static String text(String resource) {
		try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing triage resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
