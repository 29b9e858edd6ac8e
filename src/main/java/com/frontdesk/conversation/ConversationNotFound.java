package com.frontdesk.conversation;

/** A client referred to a conversation id this service does not know (never issued, or deleted). */
public class ConversationNotFound extends RuntimeException {

	public ConversationNotFound() {
		super("No conversation with this id");
	}

}
