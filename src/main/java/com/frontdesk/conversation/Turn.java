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
 */
public record Turn(String question, String reply, Intent intent, List<Citation> citations, List<Action> actions,
		String topic, Instant at) {

	public Turn {
		citations = List.copyOf(citations);
		actions = List.copyOf(actions);
	}

}
