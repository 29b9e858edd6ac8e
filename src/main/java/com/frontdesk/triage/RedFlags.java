package com.frontdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanWeight;
import org.apache.lucene.queries.spans.Spans;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;

/**
 * Finds the vocabulary's concepts in a message. The message goes into a Lucene {@code MemoryIndex} (one document,
 * analysed like the vocabulary) and each concept's patterns run against it as span queries: a group is a
 * {@code SpanOrQuery} of its words and phrases, a pattern a {@code SpanNearQuery} of groups. Each span found is then
 * read in its context ({@link ClinicalContext}): only a red flag reported as present counts.
 * <p>
 * Why a {@code MemoryIndex} and not {@code lucene-monitor}: triage runs all of its hundred-odd patterns on every
 * message and needs the positions of every match for the context rules; the monitor's presearcher only pays off
 * with many thousands of stored queries, and its match positions come through the same span machinery.
 */
final class RedFlags {

	/** A concept found in a message: reported as present, or only mentioned (negated, past, hypothetical...). */
	record Finding(Concept concept, boolean affirmed, Vocabulary.Match match) {
	}

	/** A pattern: its span query, its groups, and how far apart its groups' words may be at most. */
	private record CompiledNear(SpanQuery query, List<WordGroup> groups, int reach) {
	}

	private record CompiledMatch(CompiledNear near, List<List<CompiledNear>> alsoAnywhere) {
	}

	private record CompiledConcept(Concept concept, List<CompiledMatch> matches) {
	}

	private final TriageAnalyzer messages;

	private final List<CompiledConcept> concepts = new ArrayList<>();

	private final Map<ContextKind, WordGroup> context = new EnumMap<>(ContextKind.class);

	private final Set<String> clauseStarters;

	private final Set<String> clauseAfter;

	RedFlags(Vocabulary vocabulary) {
		TriageAnalyzer plain = new TriageAnalyzer();
		Map<String, WordGroup> groups = new HashMap<>();
		Set<String> surface = new HashSet<>();
		for (Map.Entry<String, List<String>> group : vocabulary.groups().entrySet()) {
			groups.put(group.getKey(), new WordGroup(group.getValue(), plain));
			surface.addAll(WordGroup.surfaceWords(group.getValue()));
		}
		this.messages = new TriageAnalyzer(surface, vocabulary.ordinaryWords());
		Map<String, List<CompiledNear>> patterns = new HashMap<>();
		vocabulary.patterns().forEach((name, alternatives) -> patterns.put(name,
				alternatives.stream().map(near -> compile(near, groups)).toList()));
		for (Concept concept : vocabulary.concepts()) {
			List<CompiledMatch> matches = new ArrayList<>();
			for (Vocabulary.Match match : concept.matches()) {
				List<List<CompiledNear>> anywhere = match.alsoAnywhere().stream()
					.map(part -> part.pattern() != null ? patterns.get(part.pattern()) : List.of(compile(part.near(), groups)))
					.toList();
				matches.add(new CompiledMatch(compile(match.near(), groups), anywhere));
			}
			concepts.add(new CompiledConcept(concept, matches));
		}
		vocabulary.context().forEach((kind, words) -> context.put(kind, new WordGroup(words, plain)));
		this.clauseStarters = stems(plain, "i", "my", "the", "he", "she", "it", "its", "his", "her", "they", "their",
				"we", "our", "this", "that", "there", "now", "but", "so", "also", "plus", "mi", "el", "la", "pero");
		this.clauseAfter = stems(plain, "no", "nope", "yes", "yeah", "yep", "ok", "okay", "si", "well");
	}

	/** The context phrases of a message, by kind. */
	String explain(String text) {
		AnalyzedMessage message = AnalyzedMessage.of(text, messages, clauseStarters, clauseAfter);
		StringBuilder stems = new StringBuilder();
		for (int i = 0; i < message.size(); i++) {
			stems.append(i).append(':').append(message.stemsAt(i)).append('/').append(message.clause(i)).append(' ');
		}
		return stems + "\n   " + new ClinicalContext(message, context).describe();
	}

	/** Every concept found in the message, in the vocabulary's order (self-harm first). */
	List<Finding> find(String text) {
		AnalyzedMessage message = AnalyzedMessage.of(text, messages, clauseStarters, clauseAfter);
		if (message.size() == 0) {
			return List.of();
		}
		ClinicalContext reading = new ClinicalContext(message, context);
		List<Finding> findings = new ArrayList<>();
		for (CompiledConcept compiled : concepts) {
			Boolean affirmed = null;
			Vocabulary.Match decisive = null;
			for (int i = 0; i < compiled.matches().size(); i++) {
				CompiledMatch match = compiled.matches().get(i);
				for (BitSet members : spans(match.near(), message)) {
					Concept concept = compiled.concept();
					boolean someoneElses = reading.someoneElses(members);
					boolean present = reading.affirmed(members, concept.notWhen(), concept.ignores())
							&& match.alsoAnywhere().stream()
								.allMatch(part -> anyAffirmed(part, someoneElses, concept, message, reading));
					affirmed = affirmed == null ? present : affirmed || present;
					decisive = decisive == null || present ? compiled.concept().matches().get(i) : decisive;
					if (present) {
						break;
					}
				}
				if (Boolean.TRUE.equals(affirmed)) {
					break;
				}
			}
			if (affirmed != null) {
				findings.add(new Finding(compiled.concept(), affirmed, decisive));
			}
		}
		return findings;
	}

	/** Whether the other part of a pattern is reported as present too, for the same person ("my son has a fever"
	 * and "my incision" are not a fever after surgery), read as the concept reads a definition. */
	private boolean anyAffirmed(List<CompiledNear> alternatives, boolean someoneElses, Concept concept,
			AnalyzedMessage message, ClinicalContext reading) {
		Set<ContextKind> ignored = concept.ignores().contains(ContextKind.DEFINITION)
				? Set.of(ContextKind.DEFINITION) : Set.of();
		for (CompiledNear near : alternatives) {
			for (BitSet members : spans(near, message)) {
				if (reading.affirmed(members, Set.of(), ignored) && reading.someoneElses(members) == someoneElses) {
					return true;
				}
			}
		}
		return false;
	}

	/** The positions of the groups' words inside each span of the pattern. */
	private static List<BitSet> spans(CompiledNear near, AnalyzedMessage message) {
		for (WordGroup group : near.groups()) {
			if (message.coverage(group).isEmpty()) {
				return List.of();
			}
		}
		if (!closeEnough(near, message)) {
			return List.of();
		}
		try {
			IndexSearcher searcher = message.searcher();
			LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
			SpanQuery query = (SpanQuery) searcher.rewrite(near.query());
			SpanWeight weight = query.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
			Spans spans = weight.getSpans(leaf, SpanWeight.Postings.POSITIONS);
			if (spans == null || spans.nextDoc() == DocIdSetIterator.NO_MORE_DOCS) {
				return List.of();
			}
			BitSet covered = new BitSet();
			for (WordGroup group : near.groups()) {
				covered.or(message.coverage(group));
			}
			List<BitSet> found = new ArrayList<>();
			for (int start = spans.nextStartPosition(); start != Spans.NO_MORE_POSITIONS; start = spans.nextStartPosition()) {
				BitSet members = covered.get(0, spans.endPosition());
				members.clear(0, start);
				if (members.isEmpty()) {
					members.set(start, spans.endPosition());
				}
				found.add(members);
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A quick look before the span query: some word of the first group has a word of every other group within the
	 * pattern's reach. Most patterns of most messages end here.
	 */
	private static boolean closeEnough(CompiledNear near, AnalyzedMessage message) {
		if (near.groups().size() == 1) {
			return true;
		}
		BitSet first = message.coverage(near.groups().getFirst());
		for (int p = first.nextSetBit(0); p >= 0; p = first.nextSetBit(p + 1)) {
			boolean all = true;
			for (int g = 1; g < near.groups().size() && all; g++) {
				BitSet other = message.coverage(near.groups().get(g));
				int from = Math.max(0, p - near.reach());
				int found = other.nextSetBit(from);
				all = found >= 0 && found <= p + near.reach();
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	private static CompiledNear compile(Vocabulary.Part.Near near, Map<String, WordGroup> groups) {
		List<WordGroup> parts = near.groups().stream().map(groups::get).toList();
		SpanQuery query = parts.size() == 1 ? parts.getFirst().query()
				: new SpanNearQuery(parts.stream().map(WordGroup::query).toArray(SpanQuery[]::new), near.slop(),
						near.ordered());
		int reach = near.slop() + parts.stream().mapToInt(WordGroup::longestEntry).sum();
		return new CompiledNear(query, parts, reach);
	}

	private static Set<String> stems(TriageAnalyzer analyzer, String... words) {
		Set<String> stems = new HashSet<>();
		for (String word : words) {
			stems.addAll(WordGroup.stems(word, analyzer));
		}
		return stems;
	}

}
