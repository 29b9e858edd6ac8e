package com.frontdesk.retrieval;

import java.util.List;
import java.util.Map;

import com.frontdesk.knowledge.Passage;
import com.frontdesk.practice.PracticeId;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

/**
 * LangChain4j's view of one practice's knowledge: a {@link ContentRetriever} over that practice's Lucene index (never
 * a second copy of the content, never another practice's index). A question the knowledge does not cover gets no
 * content at all, rather than the nearest passage.
 */
public final class KnowledgeContentRetriever implements ContentRetriever {

	private final Retriever retriever;

	private final PracticeId practice;

	private KnowledgeContentRetriever(Retriever retriever, PracticeId practice) {
		this.retriever = retriever;
		this.practice = practice;
	}

	/** The content retriever of one practice's knowledge. */
	public static ContentRetriever of(Retriever retriever, PracticeId practice) {
		return new KnowledgeContentRetriever(retriever, practice);
	}

	@Override
	public List<Content> retrieve(Query query) {
		return contents(retriever.retrieveForModel(practice, query.text(), ""));
	}

	/** The passages of a retrieval as LangChain4j contents, with title, section, url and id as metadata. */
	public static List<Content> contents(Retrieval retrieval) {
		if (!retrieval.covered()) {
			return List.of();
		}
		return retrieval.passages().stream().map(RetrievedPassage::passage).map(KnowledgeContentRetriever::content)
			.toList();
	}

	private static Content content(Passage passage) {
		Metadata metadata = Metadata.from(Map.of("id", passage.id(), "title", passage.title(), "section",
				passage.section(), "url", passage.url() == null ? "" : passage.url()));
		return Content.from(TextSegment.from(passage.text(), metadata));
	}

}
