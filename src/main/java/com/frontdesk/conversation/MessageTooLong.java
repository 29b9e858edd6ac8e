package com.frontdesk.conversation;

/** A message longer than {@code frontdesk.conversation.max-message-length}. */
public class MessageTooLong extends RuntimeException {

	private final int limit;

	MessageTooLong(int limit) {
		super("The message is longer than " + limit + " characters");
		this.limit = limit;
	}

	public int limit() {
		return limit;
	}

}
