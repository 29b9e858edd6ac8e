package com.frontdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * A message as triage reads it: the stemmed words at each position (more than one where a typing error was read as
 * a red-flag word too), the clause each word belongs to, and an in-memory Lucene index of it for the concepts'
 * span queries.
 */
final class AnalyzedMessage {

	static final String FIELD = "message";

	/** Text between two words that ends a clause: a full stop, a question or exclamation mark, a semicolon, a line. */
	private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:\\n\u00BF\u00A1]|\\s-\\s|\\s\u2013\\s");

	private final List<Set<String>> stems;

	private final int[] clause;

	private final int[] sentence;

	private final MemoryIndex index;

	private final java.util.Map<WordGroup, java.util.BitSet> coverage = new java.util.IdentityHashMap<>();

	private final java.util.Map<String, java.util.BitSet> positions = new java.util.HashMap<>();

	private AnalyzedMessage(List<Set<String>> stems, int[] clause, int[] sentence, MemoryIndex index) {
		for (int position = 0; position < stems.size(); position++) {
			for (String stem : stems.get(position)) {
				positions.computeIfAbsent(stem, s -> new java.util.BitSet()).set(position);
			}
		}
		this.stems = stems;
		this.clause = clause;
		this.sentence = sentence;
		this.index = index;
	}

	/**
	 * @param clauseStarters stems of the words that start a new statement after a comma ("no fever, my wound...")
	 * @param clauseAfter stems of the words after which a comma ends the clause ("no, I can't...")
	 */
	static AnalyzedMessage of(String text, Analyzer analyzer, Set<String> clauseStarters, Set<String> clauseAfter) {
		List<Set<String>> stems = new ArrayList<>();
		List<Integer> clauses = new ArrayList<>();
		List<Integer> sentences = new ArrayList<>();
		int clauseNumber = 0;
		int sentenceNumber = 0;
		int previousEnd = -1;
		try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String stem = term.toString();
				if (increment.getPositionIncrement() == 0 && !stems.isEmpty()) {
					stems.getLast().add(stem);
					continue;
				}
				if (previousEnd >= 0) {
					String between = text.substring(Math.min(previousEnd, offset.startOffset()), offset.startOffset());
					boolean comma = between.contains(",");
					boolean end = CLAUSE_END.matcher(between).find();
					if (end) {
						sentenceNumber++;
					}
					if (end || comma && (clauseStarters.contains(stem)
							|| clauseAfter.stream().anyMatch(stems.getLast()::contains))) {
						clauseNumber++;
					}
				}
				Set<String> here = new HashSet<>(2);
				here.add(stem);
				stems.add(here);
				clauses.add(clauseNumber);
				sentences.add(sentenceNumber);
				previousEnd = offset.endOffset();
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		MemoryIndex index = new MemoryIndex(false, false);
		index.addField(FIELD, new Replay(stems));
		return new AnalyzedMessage(stems, clauses.stream().mapToInt(Integer::intValue).toArray(),
				sentences.stream().mapToInt(Integer::intValue).toArray(), index);
	}

	/** The stems already read, given to the in-memory index without analysing the text a second time. */
	private static final class Replay extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private final List<String> terms = new ArrayList<>();

		private final List<Integer> increments = new ArrayList<>();

		private int next;

		Replay(List<Set<String>> stems) {
			for (Set<String> here : stems) {
				int first = 1;
				for (String stem : here) {
					terms.add(stem);
					increments.add(first);
					first = 0;
				}
			}
		}

		@Override
		public boolean incrementToken() {
			if (next == terms.size()) {
				return false;
			}
			clearAttributes();
			term.setEmpty().append(terms.get(next));
			increment.setPositionIncrement(increments.get(next));
			next++;
			return true;
		}

		@Override
		public void reset() {
			next = 0;
		}

	}

	int size() {
		return stems.size();
	}

	Set<String> stemsAt(int position) {
		return stems.get(position);
	}

	int clause(int position) {
		return clause[position];
	}

	/** Sentences end at a full stop, a question or exclamation mark, a semicolon or a new line; clauses also at commas. */
	int sentence(int position) {
		return sentence[position];
	}

	/** Where a stem is in the message. */
	java.util.BitSet positionsOf(String stem) {
		java.util.BitSet found = positions.get(stem);
		return found == null ? EMPTY : found;
	}

	private static final java.util.BitSet EMPTY = new java.util.BitSet();

	/** The positions a group covers, worked out once per message. */
	java.util.BitSet coverage(WordGroup group) {
		return coverage.computeIfAbsent(group, g -> g.coverage(this));
	}

	MemoryIndex index() {
		return index;
	}

}
