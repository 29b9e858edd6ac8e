package com.frontdesk.triage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.util.AttributeSource;

/**
 * How triage reads a message and its own vocabulary alike: apostrophes dropped ("can't" = "cant"), lower case, accents
 * folded, English stemming ("numbness" = "numb"), and, for messages, typing errors of red-flag words read as the word
 * they resemble ("feaver" is also "fever"): only for words of five letters or more that are neither red-flag words nor
 * ordinary words, within one edit (two from eight letters), keeping the first letter.
 */
final class TriageAnalyzer extends Analyzer {

	private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018\u02BC`\u00B4]");

	private static final int MIN_TYPO_LENGTH = 5;

	private static final int TWO_EDITS_LENGTH = 8;

	private final Map<Character, List<String>> vocabularyByInitial;

	private final Set<String> vocabulary;

	private final Set<String> ordinary;

	private final boolean correctTypos;

	/** An analyzer for the vocabulary itself: no typo tolerance. */
	TriageAnalyzer() {
		this(Set.of(), Set.of(), false);
	}

	/** An analyzer for messages, tolerant of typing errors of the given vocabulary's words. */
	TriageAnalyzer(Set<String> vocabularyWords, Set<String> ordinaryWords) {
		this(vocabularyWords, ordinaryWords, true);
	}

	private TriageAnalyzer(Set<String> vocabularyWords, Set<String> ordinaryWords, boolean correctTypos) {
		this.vocabulary = vocabularyWords;
		this.ordinary = ordinaryWords;
		this.correctTypos = correctTypos;
		Map<Character, List<String>> byInitial = new HashMap<>();
		for (String word : vocabularyWords) {
			if (word.length() >= MIN_TYPO_LENGTH - 1 && word.chars().allMatch(Character::isLetter)) {
				byInitial.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
			}
		}
		this.vocabularyByInitial = byInitial;
	}

	@Override
	protected Reader initReader(String fieldName, Reader reader) {
		return new PatternReplaceCharFilter(APOSTROPHES, "", reader);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
		if (correctTypos) {
			stream = new TypoTolerance(stream);
		}
		return new TokenStreamComponents(tokenizer, new PorterStemFilter(stream));
	}

	/** Words looked up before and what they were read as: patients' words repeat; the memory is bounded. */
	private final Map<String, String> corrections = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int MAX_REMEMBERED = 20_000;

	private static final String NONE = "";

	/** The vocabulary word a message word was probably meant to be, or null. */
	String correction(String word) {
		if (word.length() < MIN_TYPO_LENGTH || vocabulary.contains(word) || ordinary.contains(word)
				|| !word.chars().allMatch(Character::isLetter)) {
			return null;
		}
		String known = corrections.get(word);
		if (known == null) {
			if (corrections.size() >= MAX_REMEMBERED) {
				corrections.clear();
			}
			String found = closest(word);
			known = found == null ? NONE : found;
			corrections.put(word, known);
		}
		return known.equals(NONE) ? null : known;
	}

	private String closest(String word) {
		int maxEdits = word.length() >= TWO_EDITS_LENGTH ? 2 : 1;
		String best = null;
		int bestEdits = maxEdits + 1;
		LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();
		for (String candidate : vocabularyByInitial.getOrDefault(word.charAt(0), List.of())) {
			if (Math.abs(candidate.length() - word.length()) > maxEdits) {
				continue;
			}
			int longer = Math.max(candidate.length(), word.length());
			int edits = Math.round((1 - distance.getDistance(word, candidate)) * longer);
			if (edits < bestEdits) {
				best = candidate;
				bestEdits = edits;
			}
		}
		return bestEdits <= maxEdits ? best : null;
	}

	/** Adds the corrected word at the same position as the word typed. */
	private final class TypoTolerance extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private AttributeSource.State typed;

		private String pending;

		TypoTolerance(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (pending != null) {
				restoreState(typed);
				term.setEmpty().append(pending);
				increment.setPositionIncrement(0);
				pending = null;
				return true;
			}
			if (!input.incrementToken()) {
				return false;
			}
			String correction = correction(term.toString());
			if (correction != null) {
				typed = captureState();
				pending = correction;
			}
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			pending = null;
			typed = null;
		}

	}

}
