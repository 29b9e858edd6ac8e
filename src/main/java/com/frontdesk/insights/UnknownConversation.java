package com.frontdesk.insights;

/** The admin asked for a conversation that does not exist (never did, or was deleted). */
class UnknownConversation extends RuntimeException {

	UnknownConversation() {
		super("No conversation with this id");
	}

}
