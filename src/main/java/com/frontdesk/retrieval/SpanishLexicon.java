package com.frontdesk.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts a Spanish question into the words of the (English) content, with a small bilingual lexicon of the content's
 * topics ({@code retrieval/spanish-lexicon.txt}, or {@code frontdesk.retrieval.spanish-lexicon-file}): "¿Me van a
 * quedar cicatrices?" is searched as "scar". Words are matched without case, accents, plurals or gender endings
 * (Lucene's Spanish light stemmer), the longest phrase first; Spanish words the lexicon does not know are left out
 * (numbers are kept), so that they never count as topics the content lacks. The in-process embedding models are
 * English only (see {@code docs/benchmarks.md}): this is what lets a Spanish question find an English passage.
 */
final class SpanishLexicon {

	static final String BUILT_IN = "retrieval/spanish-lexicon.txt";

	private static final String IGNORE = "ignore:";

	private static final int LONGEST_PHRASE = 6;

	private static final Analyzer WORDS = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			StandardTokenizer source = new StandardTokenizer();
			TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
			return new TokenStreamComponents(source, new SpanishLightStemFilter(stream));
		}
	};

	/** Stemmed Spanish phrase (words joined by a space) -> the content's words. */
	private final Map<String, String> phrases;

	private final Set<String> ignored;

	private SpanishLexicon(Map<String, String> phrases, Set<String> ignored) {
		this.phrases = Map.copyOf(phrases);
		this.ignored = Set.copyOf(ignored);
	}

	/**
	 * @param file a lexicon replacing the built-in one, or null / blank for the built-in one
	 * @throws IllegalStateException when a line is not "spanish => english" or a Spanish phrase is given two meanings
	 */
	static SpanishLexicon load(String file) {
		String text = read(file);
		Set<String> ignored = new HashSet<>();
		Map<String, String> phrases = new HashMap<>();
		for (String raw : text.lines().toList()) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith(IGNORE)) {
				ignored.addAll(words(line.substring(IGNORE.length())));
				continue;
			}
			int arrow = line.indexOf("=>");
			if (arrow < 0) {
				throw new IllegalStateException("The Spanish lexicon line is not 'spanish => english': " + line);
			}
			String english = line.substring(arrow + 2).strip();
			for (String spanish : line.substring(0, arrow).split(",")) {
				String key = key(words(spanish), ignored);
				String before = key.isEmpty() ? null : phrases.putIfAbsent(key, english);
				if (before != null && !before.equals(english)) {
					throw new IllegalStateException("The Spanish lexicon gives '" + spanish.strip() + "' two meanings: '"
							+ before + "' and '" + english + "'");
				}
			}
		}
		return new SpanishLexicon(phrases, ignored);
	}

	/** The question in the content's words, in the question's order; blank when the lexicon knows none of them. */
	String translate(String question) {
		List<String> words = words(question).stream().filter(word -> !ignored.contains(word)).toList();
		List<String> english = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			int matched = 0;
			for (int length = Math.min(LONGEST_PHRASE, words.size() - i); length > 0 && matched == 0; length--) {
				String meaning = phrases.get(String.join(" ", words.subList(i, i + length)));
				if (meaning != null) {
					english.add(meaning);
					matched = length;
				}
			}
			if (matched == 0 && words.get(i).chars().anyMatch(Character::isDigit)) {
				english.add(words.get(i));
			}
			i += Math.max(1, matched);
		}
		return String.join(" ", english);
	}

	private static String key(List<String> words, Set<String> ignored) {
		return String.join(" ", words.stream().filter(word -> !ignored.contains(word)).toList());
	}

	private static List<String> words(String text) {
		return TextAnalysis.terms(WORDS, text);
	}

	private static String read(String file) {
		try (InputStream in = file == null || file.isBlank() ? new ClassPathResource(BUILT_IN).getInputStream()
				: Files.newInputStream(Path.of(file))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Spanish lexicon " + (file == null ? BUILT_IN : file), ex);
		}
	}

}
