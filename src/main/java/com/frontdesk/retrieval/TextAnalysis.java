package com.frontdesk.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.frontdesk.knowledge.Passage;

/**
 * The text analysis Frontdesk uses everywhere: English analysis (possessives, folding, stop words, Porter
 * stemming) for indexing; the same plus the lay-to-clinical synonym map for questions; a plain lower-case
 * analysis of whole words for typo correction; and Lucene's {@link SpanishAnalyzer} for Spanish documents
 * ({@code lang: es}) and the Spanish questions searched in them.
 */
@Component
public class TextAnalysis {

	private final CharArraySet stopWords;

	private final CharArraySet commonWords;

	private final Set<String> mustMatchTerms;

	/** Every word of the synonym map: words patients use that the content may not. */
	private final Set<String> layWords;

	private final Analyzer indexAnalyzer;

	private final Analyzer queryAnalyzer;

	private final Analyzer topicAnalyzer;

	private final Analyzer wordAnalyzer;

	private final Analyzer plainAnalyzer;

	private final Analyzer spanishAnalyzer;

	/** Spanish analysis without the everyday conversational words either ({@code retrieval/common-words-es.txt}). */
	private final Analyzer spanishTopicAnalyzer;

	TextAnalysis(RetrievalProperties properties) {
		this.stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
		CharArraySet common = new CharArraySet(words("retrieval/common-words.txt"), true);
		common.addAll(stopWords);
		this.commonWords = CharArraySet.unmodifiableSet(common);
		this.wordAnalyzer = new EnglishChain(null, CharArraySet.EMPTY_SET, false);
		String rules = synonymRules(properties.synonymsFile());
		SynonymMap synonyms = synonyms(rules, wordAnalyzer);
		this.layWords = Set.copyOf(terms(wordAnalyzer,
				rules.lines().filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n"))));
		this.indexAnalyzer = new EnglishChain(null, stopWords, true);
		this.queryAnalyzer = new EnglishChain(synonyms, stopWords, true);
		this.topicAnalyzer = new EnglishChain(synonyms, commonWords, true);
		this.plainAnalyzer = new EnglishChain(synonyms, CharArraySet.EMPTY_SET, false);
		Set<String> mustMatch = new LinkedHashSet<>();
		for (String word : words("retrieval/must-match-words.txt")) {
			mustMatch.addAll(terms(indexAnalyzer, word));
		}
		this.mustMatchTerms = Set.copyOf(mustMatch);
		this.spanishAnalyzer = new SpanishAnalyzer();
		CharArraySet spanishCommon = new CharArraySet(words("retrieval/common-words-es.txt"), true);
		spanishCommon.addAll(SpanishAnalyzer.getDefaultStopSet());
		this.spanishTopicAnalyzer = new SpanishAnalyzer(spanishCommon);
	}

	/** Stemmed terms of a passage text in the passage's language ({@code en}, {@code es}), as they are indexed. */
	public List<String> passageTerms(String text, String language) {
		return terms(Passage.SPANISH.equals(language) ? spanishAnalyzer : indexAnalyzer, text);
	}

	/** Stemmed Spanish terms of a question, without stop words, for searching Spanish documents. */
	List<String> spanishQueryTerms(String text) {
		return terms(spanishAnalyzer, text);
	}

	/** The Spanish question's topical terms: like {@link #spanishQueryTerms} without everyday conversational words. */
	List<String> spanishTopicTerms(String text) {
		return terms(spanishTopicAnalyzer, text);
	}

	Analyzer spanishAnalyzer() {
		return spanishAnalyzer;
	}

	/** Stemmed terms of a passage text, as they are indexed. */
	public List<String> passageTerms(String text) {
		return terms(indexAnalyzer, text);
	}

	/** Stemmed terms of a question, after the lay-to-clinical synonyms, without stop words. */
	public List<String> queryTerms(String text) {
		return terms(queryAnalyzer, text);
	}

	/** The question's topical terms: like {@link #queryTerms} but without everyday conversational words. */
	List<String> topicTerms(String text) {
		return terms(topicAnalyzer, text);
	}

	/**
	 * The text's topical terms (as {@link #topicTerms}), each with the words of the text it came from, lower case:
	 * {@code "herniat" -> "slipped disc"}, {@code "cost" -> "cost"}. The first wording of a term wins.
	 */
	public Map<String, String> topicTermsAsWritten(String text) {
		Map<String, String> terms = new LinkedHashMap<>();
		try (TokenStream stream = topicAnalyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.putIfAbsent(term.toString(),
						text.substring(offsets.startOffset(), offsets.endOffset()).toLowerCase(Locale.ROOT));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	/** The text in the content's words: lay terms replaced by the clinical ones, lower case ("xlif" -> "lateral fusion"). */
	public String clinicalWording(String text) {
		return String.join(" ", terms(plainAnalyzer, text));
	}

	/** Whole lower-case words, unstemmed, as used for spelling correction. */
	List<String> words(String text, boolean skipCommon) {
		List<String> words = terms(wordAnalyzer, text);
		return skipCommon ? words.stream().filter(w -> !commonWords.contains(w)).toList() : words;
	}

	Set<String> layWords() {
		return layWords;
	}

	boolean mustMatch(String term) {
		return mustMatchTerms.contains(term);
	}

	Analyzer indexAnalyzer() {
		return indexAnalyzer;
	}

	Analyzer wordAnalyzer() {
		return wordAnalyzer;
	}

	/** The terms an analyzer makes of a text, in order. */
	static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	private static List<String> words(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private static String synonymRules(String file) {
		try (InputStream in = file == null || file.isBlank() ? new ClassPathResource("retrieval/synonyms.txt").getInputStream()
				: Files.newInputStream(Path.of(file))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the synonym map " + (file == null ? "" : file), ex);
		}
	}

	private static SynonymMap synonyms(String rules, Analyzer analyzer) {
		SolrSynonymParser parser = new SolrSynonymParser(true, false, analyzer);
		try {
			parser.parse(new StringReader(rules));
			return parser.build();
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("The synonym map is not valid: " + ex.getMessage(), ex);
		}
	}

	/** Standard tokenizer, possessives, lower case, accent folding, then optional synonyms, stop words, stemming. */
	private static final class EnglishChain extends Analyzer {

		/** Emoji say nothing about the topic: they are dropped like punctuation. */
		private static final Set<String> NOT_WORDS = Set.of(
				StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI]);

		private final SynonymMap synonyms;

		private final CharArraySet stops;

		private final boolean stem;

		EnglishChain(SynonymMap synonyms, CharArraySet stops, boolean stem) {
			this.synonyms = synonyms;
			this.stops = stops;
			this.stem = stem;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			StandardTokenizer source = new StandardTokenizer();
			TokenStream stream = new TypeTokenFilter(source, NOT_WORDS);
			stream = new EnglishPossessiveFilter(stream);
			stream = new LowerCaseFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			if (synonyms != null) {
				stream = new SynonymGraphFilter(stream, synonyms, true);
			}
			if (!stops.isEmpty()) {
				stream = new StopFilter(stream, stops);
			}
			return new TokenStreamComponents(source, stem ? new PorterStemFilter(stream) : stream);
		}

	}

}
