package com.frontdesk.retrieval;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.frontdesk.knowledge.Passage;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

/**
 * LangChain4j's view of the knowledge: a {@link ContentRetriever} over the one Lucene index (never a second copy of
 * the content). A question the knowledge does not cover gets no content at all, rather than the nearest passage.
 */
@Component
public class KnowledgeContentRetriever implements ContentRetriever {

	private final Retriever retriever;

	KnowledgeContentRetriever(Retriever retriever) {
		this.retriever = retriever;
	}

	@Override
	public List<Content> retrieve(Query query) {
		return contents(retriever.retrieveForModel(query.text(), ""));
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
