package com.frontdesk.retrieval;

import java.util.Set;

import com.frontdesk.knowledge.Passage;

/** A passage found for a question, with its score and which of the question's terms it contains. */
public record RetrievedPassage(Passage passage, double score, Set<String> matchedTerms) {

	public RetrievedPassage {
		matchedTerms = Set.copyOf(matchedTerms);
	}

	/** The section of the page the passage is from (for modules that do not read the knowledge itself). */
	public String section() {
		return passage.section();
	}

}
