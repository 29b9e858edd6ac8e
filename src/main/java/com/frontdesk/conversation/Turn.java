package com.frontdesk.conversation;

import java.time.Instant;
import java.util.List;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;

/**
 * One exchange of a conversation as stored.
 *
 * @param question what the patient wrote
 * @param reply the reply text
 * @param intent what the reply is
 * @param citations sources of the reply
 * @param actions buttons offered
 * @param topic what the conversation is about after this turn, for follow-up questions (may be null)
 * @param at when the reply was given
 * @param author who wrote the reply: {@code assistant}, {@code staff} (a message from the practice's staff, with an
 * empty question), or {@code pending} (the patient wrote while staff own the conversation; no reply yet)
 */
public record Turn(String question, String reply, Intent intent, List<Citation> citations, List<Action> actions,
		String topic, Instant at, String author) {

	public static final String ASSISTANT = "assistant";

	public static final String STAFF = "staff";

	public static final String PENDING = "pending";

	public Turn {
		citations = List.copyOf(citations);
		actions = List.copyOf(actions);
	}

	/** A turn the assistant answered. */
	public Turn(String question, String reply, Intent intent, List<Citation> citations, List<Action> actions,
			String topic, Instant at) {
		this(question, reply, intent, citations, actions, topic, at, ASSISTANT);
	}

}
