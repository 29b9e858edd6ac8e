package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Replaces words that are not in the knowledge vocabulary by the closest word that is ("latteral fussion" ->
 * "lateral fusion"). Short words and everyday words are left alone, and a word must keep its first letter.
 */
final class TypoCorrector {

	private static final int MIN_LENGTH = 5;

	private final TextAnalysis analysis;

	private final DirectSpellChecker oneEdit = checker(1);

	private final DirectSpellChecker twoEdits = checker(2);

	TypoCorrector(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	String correct(String text, IndexReader reader) throws IOException {
		String corrected = text;
		for (String word : analysis.words(text, true)) {
			if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)
					|| reader.docFreq(new Term(IndexFields.WORDS, word)) > 0) {
				continue;
			}
			DirectSpellChecker checker = word.length() >= 8 ? twoEdits : oneEdit;
			SuggestWord[] suggestions = checker.suggestSimilar(new Term(IndexFields.WORDS, word), 1, reader,
					SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
			if (suggestions.length > 0) {
				corrected = replaceWord(corrected, word, suggestions[0].string);
			}
		}
		return corrected;
	}

	private static String replaceWord(String text, String word, String replacement) {
		Pattern pattern = Pattern.compile("(?iu)\\b" + Pattern.quote(word) + "\\b");
		return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
	}

	private static DirectSpellChecker checker(int maxEdits) {
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMaxEdits(maxEdits);
		checker.setMinPrefix(1);
		checker.setAccuracy(0.7f);
		return checker;
	}

}
