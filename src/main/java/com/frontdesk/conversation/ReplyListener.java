package com.frontdesk.conversation;

/**
 * Hears a reply while it is being made: the conversation id first, then the reply text in pieces. The complete
 * reply is what {@link TurnPipeline#handle} returns; when it differs from the pieces heard (a model's draft was
 * replaced by a safer answer), the complete reply is the one that counts.
 */
public interface ReplyListener {

	ReplyListener NONE = new ReplyListener() {
	};

	/** The conversation this turn belongs to (new or continued). */
	default void started(String conversationId) {
	}

	/** The next piece of the reply text. */
	default void token(String text) {
	}

}
