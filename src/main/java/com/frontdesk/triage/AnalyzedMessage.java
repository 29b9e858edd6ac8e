package com.frontdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

/**
 * A message as triage reads it: the stemmed words at each position (more than one where a typing error was read as
 * a red-flag word too), the clause each word belongs to, and an in-memory Lucene index of it for the concepts'
 * span queries.
 */
final class AnalyzedMessage {

	static final String FIELD = "message";

	/** Marks between two words that end a clause: a full stop, a question or exclamation mark, a semicolon, a line. */
	private static final String CLAUSE_ENDS = ".!?;:\n\u00BF\u00A1";

	private final List<Set<String>> stems;

	private final int[] clause;

	private final int[] sentence;

	private final BitSet withDigits = new BitSet();

	private IndexSearcher searcher;

	private final java.util.Map<WordGroup, java.util.BitSet> coverage = new java.util.IdentityHashMap<>();

	private final java.util.Map<String, java.util.BitSet> positions = new java.util.HashMap<>();

	private AnalyzedMessage(List<Set<String>> stems, int[] clause, int[] sentence) {
		for (int position = 0; position < stems.size(); position++) {
			for (String stem : stems.get(position)) {
				positions.computeIfAbsent(stem, s -> new java.util.BitSet()).set(position);
				if (hasDigit(stem)) {
					withDigits.set(position);
				}
			}
		}
		this.stems = stems;
		this.clause = clause;
		this.sentence = sentence;
	}

	private static boolean hasDigit(String stem) {
		for (int i = 0; i < stem.length(); i++) {
			if (Character.isDigit(stem.charAt(i))) {
				return true;
			}
		}
		return false;
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
					int from = Math.min(previousEnd, offset.startOffset());
					boolean comma = pausesBetween(text, from, offset.startOffset());
					boolean end = endsClause(text, from, offset.startOffset());
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
		return new AnalyzedMessage(stems, clauses.stream().mapToInt(Integer::intValue).toArray(),
				sentences.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Whether a comma or an ellipsis ("..") starts between two words: only the gap between them is read. */
	private static boolean pausesBetween(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text between two words ends a clause: one of {@link #CLAUSE_ENDS}, or a dash between spaces. An
	 * ellipsis ("can't pee... in public restrooms") is a pause, read like a comma: the statement goes on unless a new
	 * one starts after it.
	 */
	private static boolean endsClause(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			boolean inEllipsis = c == '.' && (i > from && text.charAt(i - 1) == '.' || i + 1 < to && text.charAt(i + 1) == '.');
			if (CLAUSE_ENDS.indexOf(c) >= 0 && !inEllipsis || (c == '-' || c == '\u2013') && i > from && i + 1 < to
					&& Character.isWhitespace(text.charAt(i - 1)) && Character.isWhitespace(text.charAt(i + 1))) {
				return true;
			}
		}
		return false;
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

	/** The positions of the words with a digit (what a number pattern can match). */
	BitSet withDigits() {
		return withDigits;
	}

	/**
	 * A searcher over an in-memory index of the message, built the first time a span query needs it: most patterns
	 * of most messages are decided by the positions alone.
	 */
	IndexSearcher searcher() {
		if (searcher == null) {
			MemoryIndex index = new MemoryIndex(false, false);
			index.addField(FIELD, new Replay(stems));
			searcher = index.createSearcher();
		}
		return searcher;
	}

}
