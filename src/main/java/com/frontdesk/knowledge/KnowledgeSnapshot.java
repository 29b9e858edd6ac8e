package com.frontdesk.knowledge;

import java.util.List;

/** Everything read from the knowledge folder in one pass: the passages and the files that were skipped. */
public record KnowledgeSnapshot(List<Passage> passages, int documents, List<KnowledgeProblem> problems) {

	public KnowledgeSnapshot {
		passages = List.copyOf(passages);
		problems = List.copyOf(problems);
	}

}
