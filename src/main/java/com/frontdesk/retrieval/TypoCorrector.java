package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

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

	private static final int MIN_JOINED_WORDS = 2;

	private static final int MAX_JOINED_WORDS = 4;

	private static final int MIN_JOINED_LENGTH = 8;

	private static final int MAX_JOINED_LENGTH_DIFFERENCE = 4;

	/** From this length a joined word may differ a little more: long clinical words are heard in more pieces. */
	private static final int LONG_JOINED_LENGTH = 12;

	private static final float MIN_LONG_JOINED_SIMILARITY = 0.65f;

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private volatile LongWords longWords;

	private final TextAnalysis analysis;

	private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	private volatile IndexReader cacheReader;

	private final LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();

	/** Edits relative to the longer word: joined words are longer than the word they stand for. */
	private final LevenshteinDistance joinedDistance = new LevenshteinDistance();

	private final DirectSpellChecker oneEdit = checker(1);

	private final DirectSpellChecker twoEdits = checker(2);

	TypoCorrector(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	String correct(String text, IndexReader reader) throws IOException {
		String corrected = joinSplitWords(text, reader);
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

	/**
	 * A long clinical word that voice dictation heard as several short ones ("spondee low list thesis" ->
	 * "spondylolisthesis", "discuss itis" -> "discitis"): {@value #MIN_JOINED_WORDS} to {@value #MAX_JOINED_WORDS}
	 * neighbouring words, the last of them unknown to the knowledge, whose letters run together are close to a
	 * word of the knowledge of at least {@value #MIN_JOINED_LENGTH} letters (at most 30 % of the letters differ,
	 * 35 % from {@value #LONG_JOINED_LENGTH} letters) that starts with their first or, after a silent letter, their
	 * second letter.
	 */
	private String joinSplitWords(String text, IndexReader reader) throws IOException {
		List<String> vocabulary = longWords(reader);
		if (vocabulary.isEmpty()) {
			return text;
		}
		List<int[]> spans = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			spans.add(new int[] { word.start(), word.end() });
		}
		StringBuilder joined = new StringBuilder();
		int copied = 0;
		for (int i = 0; i < spans.size(); i++) {
			for (int n = Math.min(MAX_JOINED_WORDS, spans.size() - i); n >= MIN_JOINED_WORDS; n--) {
				String replacement = joinedWord(text, spans.subList(i, i + n), vocabulary, reader);
				if (replacement != null) {
					joined.append(text, copied, spans.get(i)[0]).append(replacement);
					copied = spans.get(i + n - 1)[1];
					i += n - 1;
					break;
				}
			}
		}
		return joined.append(text.substring(copied)).toString();
	}

	/** The knowledge's word these neighbouring words run together into, or null. */
	private String joinedWord(String text, List<int[]> words, List<String> vocabulary, IndexReader reader)
			throws IOException {
		StringBuilder key = new StringBuilder();
		boolean unknown = false;
		for (int k = 0; k < words.size(); k++) {
			if (k > 0 && !text.substring(words.get(k - 1)[1], words.get(k)[0]).isBlank()) {
				return null;
			}
			String part = text.substring(words.get(k)[0], words.get(k)[1]).toLowerCase(Locale.ROOT);
			unknown = !analysis.layWords().contains(part) && reader.docFreq(new Term(IndexFields.WORDS, part)) == 0;
			key.append(part);
		}
		// the last word must be a piece nobody would write alone: "degenrative disk" is a typo and a disk
		if (!unknown || key.length() < MIN_JOINED_LENGTH) {
			return null;
		}
		String best = null;
		float bestSimilarity = 0;
		for (String candidate : vocabulary) {
			// a silent first letter is heard as another word's ("wreck tractor": retractor)
			boolean sameStart = candidate.charAt(0) == key.charAt(0) || candidate.charAt(0) == key.charAt(1);
			if (!sameStart || Math.abs(candidate.length() - key.length()) > MAX_JOINED_LENGTH_DIFFERENCE) {
				continue;
			}
			float similarity = joinedDistance.getDistance(key.toString(), candidate);
			float needed = candidate.length() >= LONG_JOINED_LENGTH ? MIN_LONG_JOINED_SIMILARITY : MIN_SIMILARITY;
			if (similarity >= needed && similarity > bestSimilarity) {
				best = candidate;
				bestSimilarity = similarity;
			}
		}
		return best;
	}

	/** The knowledge's words of at least {@value #MIN_JOINED_LENGTH} letters, read once per index version. */
	private List<String> longWords(IndexReader reader) throws IOException {
		LongWords known = longWords;
		if (known != null && known.reader() == reader) {
			return known.words();
		}
		List<String> words = new ArrayList<>();
		Terms terms = MultiTerms.getTerms(reader, IndexFields.WORDS);
		if (terms != null) {
			TermsEnum each = terms.iterator();
			for (BytesRef term = each.next(); term != null; term = each.next()) {
				String text = term.utf8ToString();
				if (text.length() >= MIN_JOINED_LENGTH && text.chars().allMatch(Character::isLetter)) {
					words.add(text);
				}
			}
		}
		longWords = new LongWords(reader, List.copyOf(words));
		return longWords.words();
	}

	private record LongWords(IndexReader reader, List<String> words) {
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
