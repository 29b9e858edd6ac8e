package com.frontdesk.retrieval;

import java.util.List;
import java.util.Map;

/**
 * The outcome of looking a question up in the knowledge.
 *
 * @param query the text searched for, after typo correction (and with the conversation's topic for follow-ups)
 * @param passages the passages worth answering from, best first (but see {@code wholeSection})
 * @param termWeights the question's search terms and how rare (informative) each is in the knowledge
 * @param coverage share of the question's topical words, weighted by rarity, found in those passages
 * @param covered whether the knowledge covers the question well enough to answer it
 * @param queryVector the question's embedding, or null when vectors are off
 * @param confidence how sure retrieval is that the passages answer the question, from 0 to 1: the coverage, counted
 * double (at most 1) when the best passage is also close in meaning, as the coverage decision counts it
 * @param wholeSection whether the question asks about a section as a whole and the passages are all its parts, in the
 * order the practice wrote them (not best first)
 * @param evidence what the coverage decision weighed
 * @param hedged covered only on its closest topic: the page may not answer exactly what was asked, and the reply says so
 */
public record Retrieval(String query, List<RetrievedPassage> passages, Map<String, Double> termWeights,
		double coverage, boolean covered, float[] queryVector, double confidence, boolean wholeSection,
		Evidence evidence, boolean hedged) {

	public Retrieval {
		passages = List.copyOf(passages);
		termWeights = Map.copyOf(termWeights);
	}

	/** Whether any of the passages is in Spanish (from a knowledge file with {@code lang: es}). */
	public boolean quotesSpanish() {
		return passages.stream().anyMatch(passage -> passage.passage().spanish());
	}

	static Retrieval nothing(String query) {
		return new Retrieval(query, List.of(), Map.of(), 0, false, null, 0, false, Evidence.NONE, false);
	}

}
