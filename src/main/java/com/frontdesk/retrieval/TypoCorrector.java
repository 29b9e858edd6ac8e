package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Replaces words that are neither in the knowledge vocabulary nor among the lay words of the synonym map by the
 * closest word that is ("latteral fussion" -> "lateral fusion", "recovry" -> "recovery"). Short words and
 * everyday words are left alone, a word must keep its first letter, and two edits are allowed only in long words.
 */
final class TypoCorrector {

	private static final int MIN_LENGTH = 5;

	private static final int TWO_EDITS_LENGTH = 10;

	private static final float MIN_SIMILARITY = 0.7f;

	private static final int MAX_CACHED = 10_000;

	private final TextAnalysis analysis;

	private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	private volatile IndexReader cacheReader;

	private final LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();

	private final DirectSpellChecker oneEdit = checker(1);

	private final DirectSpellChecker twoEdits = checker(2);

	TypoCorrector(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	String correct(String text, IndexReader reader) throws IOException {
		String corrected = text;
		for (String word : analysis.words(text, true)) {
			if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)
					|| analysis.layWords().contains(word) || reader.docFreq(new Term(IndexFields.WORDS, word)) > 0) {
				continue;
			}
			String replacement = cached(word, reader);
			if (replacement != null) {
				corrected = replaceWord(corrected, word, replacement);
			}
		}
		return corrected;
	}

	/** Corrections are remembered until the index changes; the memory is bounded. */
	private String cached(String word, IndexReader reader) throws IOException {
		if (cacheReader != reader || cache.size() > MAX_CACHED) {
			cache.clear();
			cacheReader = reader;
		}
		Optional<String> known = cache.get(word);
		if (known == null) {
			known = Optional.ofNullable(best(word, reader));
			cache.put(word, known);
		}
		return known.orElse(null);
	}

	/** The closest word of the knowledge or of the lay vocabulary, or null when nothing is close enough. */
	private String best(String word, IndexReader reader) throws IOException {
		int maxEdits = word.length() >= TWO_EDITS_LENGTH ? 2 : 1;
		String best = null;
		float bestSimilarity = 0;
		SuggestWord[] suggestions = (maxEdits == 2 ? twoEdits : oneEdit).suggestSimilar(
				new Term(IndexFields.WORDS, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
		if (suggestions.length > 0) {
			best = suggestions[0].string;
			bestSimilarity = distance.getDistance(word, best);
		}
		for (String lay : analysis.layWords()) {
			if (lay.charAt(0) != word.charAt(0) || Math.abs(lay.length() - word.length()) > maxEdits) {
				continue;
			}
			float similarity = distance.getDistance(word, lay);
			if (similarity > bestSimilarity && edits(similarity, word, lay) <= maxEdits) {
				best = lay;
				bestSimilarity = similarity;
			}
		}
		return bestSimilarity >= MIN_SIMILARITY ? best : null;
	}

	/** Lucene's similarity is 1 - edits / longer length: turn it back into the number of edits. */
	private static int edits(float similarity, String a, String b) {
		return Math.round((1 - similarity) * Math.max(a.length(), b.length()));
	}

	private static String replaceWord(String text, String word, String replacement) {
		Pattern pattern = Pattern.compile("(?iu)\\b" + Pattern.quote(word) + "\\b");
		return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
	}

	private static DirectSpellChecker checker(int maxEdits) {
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMaxEdits(maxEdits);
		checker.setMinPrefix(1);
		checker.setAccuracy(MIN_SIMILARITY);
		return checker;
	}

}
