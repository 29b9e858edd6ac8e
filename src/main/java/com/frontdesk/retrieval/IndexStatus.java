package com.frontdesk.retrieval;

import java.time.Instant;
import java.util.List;

import com.frontdesk.knowledge.KnowledgeProblem;

/** What the index holds now: how many documents and passages, when it was built, and which files were skipped. */
public record IndexStatus(int documents, int passages, Instant indexedAt, long buildMillis,
		List<KnowledgeProblem> skippedFiles) {

	static final IndexStatus EMPTY = new IndexStatus(0, 0, null, 0, List.of());

	public boolean loaded() {
		return passages > 0;
	}

}
