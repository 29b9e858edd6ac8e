package com.frontdesk.knowledge;

/** A knowledge file whose content cannot be turned into passages. */
class MalformedKnowledgeFile extends Exception {

	MalformedKnowledgeFile(String reason) {
		super(reason);
	}

}
