package com.frontdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.RegexpQuery;

/**
 * One word group of the vocabulary, read with the triage analyzer: single words, phrases (their words in a row) and
 * number patterns ({@code re:}, tried only on words with a digit). It is a Lucene span query, and it can say which positions of a message it covers.
 */
final class WordGroup {

	/** A phrase's words in a row; {@code *} stands for any one word (context phrases only). */
	static final String ANY = "*";

	private final Set<String> words = new HashSet<>();

	private final List<List<String>> phrases = new ArrayList<>();

	private final List<Pattern> patterns = new ArrayList<>();

	private final SpanQuery query;

	WordGroup(List<String> entries, Analyzer analyzer) {
		List<SpanQuery> clauses = new ArrayList<>();
		for (String entry : entries) {
			if (entry.startsWith("re:")) {
				String regex = entry.substring(3);
				patterns.add(Pattern.compile(regex));
				clauses.add(new SpanMultiTermQueryWrapper<>(new RegexpQuery(new Term(AnalyzedMessage.FIELD, regex))));
				continue;
			}
			List<String> stems = stems(entry, analyzer);
			if (stems.isEmpty()) {
				continue;
			}
			if (stems.size() == 1 && !stems.getFirst().equals(ANY)) {
				if (words.add(stems.getFirst())) {
					clauses.add(new SpanTermQuery(new Term(AnalyzedMessage.FIELD, stems.getFirst())));
				}
			}
			else if (!phrases.contains(stems)) {
				phrases.add(stems);
				if (!stems.contains(ANY)) {
					clauses.add(new SpanNearQuery(stems.stream()
						.map(stem -> (SpanQuery) new SpanTermQuery(new Term(AnalyzedMessage.FIELD, stem)))
						.toArray(SpanQuery[]::new), 0, true));
				}
			}
		}
		this.query = clauses.size() == 1 ? clauses.getFirst() : new SpanOrQuery(clauses.toArray(SpanQuery[]::new));
	}

	SpanQuery query() {
		return query;
	}

	/** The most words one entry of this group spans. */
	int longestEntry() {
		return phrases.stream().mapToInt(List::size).max().orElse(1);
	}

	/** The positions of the message where a word or phrase of this group is. */
	BitSet coverage(AnalyzedMessage message) {
		BitSet covered = new BitSet(message.size());
		for (String word : words) {
			covered.or(message.positionsOf(word));
		}
		if (!patterns.isEmpty()) {
			BitSet numbers = message.withDigits();
			for (int position = numbers.nextSetBit(0); position >= 0; position = numbers.nextSetBit(position + 1)) {
				if (matchesNumber(message.stemsAt(position))) {
					covered.set(position);
				}
			}
		}
		for (List<String> phrase : phrases) {
			BitSet starts = phrase.getFirst().equals(ANY) ? allPositions(message) : message.positionsOf(phrase.getFirst());
			for (int position = starts.nextSetBit(0); position >= 0; position = starts.nextSetBit(position + 1)) {
				if (startsAt(message, phrase, position)) {
					covered.set(position, position + phrase.size());
				}
			}
		}
		return covered;
	}

	private boolean matchesNumber(Set<String> stems) {
		for (String stem : stems) {
			for (Pattern pattern : patterns) {
				if (pattern.matcher(stem).matches()) {
					return true;
				}
			}
		}
		return false;
	}

	private static BitSet allPositions(AnalyzedMessage message) {
		BitSet all = new BitSet(message.size());
		all.set(0, message.size());
		return all;
	}

	private static boolean startsAt(AnalyzedMessage message, List<String> phrase, int position) {
		if (position + phrase.size() > message.size()) {
			return false;
		}
		for (int i = 0; i < phrase.size(); i++) {
			String stem = phrase.get(i);
			if (!stem.equals(ANY) && !message.stemsAt(position + i).contains(stem)) {
				return false;
			}
		}
		return true;
	}

	/** The stems of an entry, word by word, so that {@code *} survives the tokenizer. */
	static List<String> stems(String entry, Analyzer analyzer) {
		List<String> stems = new ArrayList<>();
		for (String word : entry.strip().split("\\s+")) {
			if (word.equals(ANY)) {
				stems.add(ANY);
				continue;
			}
			try (TokenStream stream = analyzer.tokenStream(AnalyzedMessage.FIELD, word)) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					stems.add(term.toString());
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return stems;
	}

	/** The words of the entries as typed (lower case, accents folded, no apostrophes): what a typo may be meant as. */
	static Set<String> surfaceWords(List<String> entries) {
		Set<String> surface = new HashSet<>();
		for (String entry : entries) {
			if (entry.startsWith("re:")) {
				continue;
			}
			for (String word : Triage.normalize(entry).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
				if (!word.isEmpty()) {
					surface.add(word);
				}
			}
		}
		return surface;
	}

}
