package com.frontdesk.retrieval;

import java.util.Set;

import com.frontdesk.knowledge.Passage;

/** A passage found for a question, with its score and which of the question's terms it contains. */
public record RetrievedPassage(Passage passage, double score, Set<String> matchedTerms) {

	public RetrievedPassage {
		matchedTerms = Set.copyOf(matchedTerms);
	}

}
