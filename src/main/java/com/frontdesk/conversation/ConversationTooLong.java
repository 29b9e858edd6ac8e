package com.frontdesk.conversation;

/**
 * A conversation already has as many turns as {@code frontdesk.limits.max-turns} allows: the patient starts a new
 * one. Urgent messages (emergencies, self-harm) are still answered.
 */
public class ConversationTooLong extends RuntimeException {

	private final int maxTurns;

	ConversationTooLong(int maxTurns) {
		super("The conversation has reached " + maxTurns + " messages");
		this.maxTurns = maxTurns;
	}

	public int maxTurns() {
		return maxTurns;
	}

}
