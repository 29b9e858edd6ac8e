package com.frontdesk.conversation;

/**
 * Hears a reply while it is being made: the conversation id first, then the reply text in pieces. The complete
 * reply is what {@link TurnPipeline#handle} returns; when it differs from the pieces heard (a model's draft was
 * replaced by a safer reply), the listener hears {@link #restart()} and then the complete reply in pieces again, so
 * the pieces after the last restart always make up the reply.
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

	/** The pieces heard so far are withdrawn: the reply starts again with the next piece. */
	default void restart() {
	}

}
