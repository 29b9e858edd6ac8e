package com.frontdesk.retrieval;

/** The knowledge index holds no passages (missing or empty knowledge folder): questions cannot be answered. */
public class KnowledgeUnavailable extends RuntimeException {

	KnowledgeUnavailable() {
		super("The knowledge index is not loaded");
	}

}
