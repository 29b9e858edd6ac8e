package com.frontdesk.conversation;

/**
 * A turn as stored, with its id: the id of its reply, which patients refer to when they rate the reply.
 */
public record StoredTurn(long id, Turn turn) {

	/** The id as the API shows it. */
	public String replyId() {
		return String.valueOf(id);
	}

}
