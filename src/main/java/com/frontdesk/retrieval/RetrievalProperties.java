package com.frontdesk.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passages are found and when the knowledge counts as covering a question.
 *
 * @param maxPassages most passages an answer draws on
 * @param minCoverage share (0..1, weighted by rarity) of the question's topical words that the best passages must
 * contain for the question to count as covered; below it the reply is {@code not_covered}
 * @param relativeScoreCutoff passages scoring below this share of the best keyword score do not count towards coverage
 * @param typoCorrection correct misspelled words against the knowledge vocabulary ("latteral fussion")
 * @param synonymsFile optional file of lay-term rules replacing the built-in map (Solr synonym format)
 * @param lexicalWeight weight of the keyword (BM25) ranking in the reciprocal rank fusion
 * @param lexicalDepth how many keyword hits take part in the fusion
 * @param rrfK the rank constant of reciprocal rank fusion (higher: flatter)
 * @param decisiveMargin relative lead of the best keyword hit's BM25 score over the third's from which the keyword
 * ranking counts as decisive and the vectors get {@code vectors.weight}; below it their weight rises linearly towards
 * {@code vectors.tie-weight} (0: always {@code vectors.weight}); see {@link RankFusion}
 * @param vectors the dense-vector half of hybrid search
 * @param answerability how the evidence is weighed into the decision whether the page answers a question (with
 * vectors; without them, {@code min-coverage} decides alone)
 * @param spanishLexiconFile optional file replacing the built-in Spanish-to-content lexicon
 * ({@code retrieval/spanish-lexicon.txt}): how a Spanish question is put into the content's words when the practice
 * has no Spanish content that answers it
 */
@ConfigurationProperties("frontdesk.retrieval")
public record RetrievalProperties(@DefaultValue("3") int maxPassages, @DefaultValue("0.5") double minCoverage,
		@DefaultValue("0.45") double relativeScoreCutoff, @DefaultValue("true") boolean typoCorrection,
		String synonymsFile, @DefaultValue("1.0") double lexicalWeight, @DefaultValue("30") int lexicalDepth,
		@DefaultValue("60") int rrfK, @DefaultValue("0.2") double decisiveMargin,
		@NestedConfigurationProperty @DefaultValue Vectors vectors,
		@NestedConfigurationProperty @DefaultValue Answerability answerability, String spanishLexiconFile) {

	/**
	 * The answerability score: {@code 1 / (1 + exp(-(bias + coverage-weight * coverage + similarity-weight * similarity
	 * + examples-weight * examples)))}, see {@link Evidence}. From {@code answer-at} the page counts as answering the
	 * question; from {@code hedge-at} up to it, the reply gives the closest passage and says the page may not answer
	 * exactly that; below, the question is not covered. Fitted by logistic regression on the labelled questions of
	 * {@code retrieval/questions/} ({@code tools/answerability/fit.py}): the tune questions choose the thresholds, and
	 * every second K-QA question (general-health questions the page does not answer) helps fit the weights.
	 * @param enabled off: {@code min-coverage} and {@code vectors.min-similarity} decide, as without vectors
	 * @param sectionVotes weight, in the fusion's units (a first rank's share), of the sections that the nearest
	 * labelled answerable questions were labelled with: a passage of the section most of them name moves up (0: off)
	 * @param meaningAloneAt from this score a question none of whose words the page uses ("can I be seen quickly?",
	 * "is the opening a large one?") is answered from the passages nearest in meaning; below it, a question needs a
	 * keyword hit as well (1: always)
	 */
	public record Answerability(@DefaultValue("true") boolean enabled, @DefaultValue("-2.97") double bias,
			@DefaultValue("1.81") double coverageWeight, @DefaultValue("3.40") double similarityWeight,
			@DefaultValue("13.20") double examplesWeight, @DefaultValue("0.91") double answerAt,
			@DefaultValue("0.25") double hedgeAt, @DefaultValue("4") double sectionVotes,
			@DefaultValue("0.4") double meaningAloneAt) {

		/** Switched off, for code that builds settings by hand and decides by coverage alone. */
		public static final Answerability OFF = new Answerability(false, 0, 0, 0, 0, 1, 1, 0, 1);

	}

	/**
	 * Dense vectors from an in-process embedding model, in the same Lucene index.
	 *
	 * @param enabled off: keyword search only (smallest installs)
	 * @param model {@code all-minilm-l6-v2-q} (bundled), or {@code all-minilm-l6-v2} / {@code bge-small-en-v15} when
	 * their LangChain4j module is on the class path
	 * @param weight weight of the vector ranking in the fusion when the keyword ranking is decisive
	 * @param tieWeight weight of the vector ranking when the best keyword hits score alike (keywords cannot tell them
	 * apart); equal to {@code weight}: one fixed weight
	 * @param depth how many nearest passages take part in the fusion
	 * @param candidates how many passages the approximate (HNSW) graph search collects before the {@code depth}
	 * nearest take part: more finds the truly nearest more often, at more cost per question
	 * @param minSimilarity cosine similarity from which the best passage counts as on topic even when the question
	 * shares few words with it (half the keyword coverage is still required)
	 * @param skipForModelWhenDecisive for an answer a language model writes: no vector search when the keyword ranking
	 * is decisive ({@code decisive-margin}, or its leading hits all parts of one section) and covers the question
	 * ({@code min-coverage}), see
	 * {@link Retriever#retrieveForModel}; embedded answers always use both
	 */
	public record Vectors(@DefaultValue("true") boolean enabled, @DefaultValue("all-minilm-l6-v2-q") String model,
			@DefaultValue("0.3") double weight, @DefaultValue("6.0") double tieWeight, @DefaultValue("30") int depth,
			@DefaultValue("100") int candidates, @DefaultValue("0.6") double minSimilarity,
			@DefaultValue("true") boolean skipForModelWhenDecisive) {
	}

}
