package com.frontdesk.conversation;

import java.util.List;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;

/**
 * A reply while it is being made, before it is stored.
 *
 * @param topic what the conversation is about after this reply (for follow-ups), or null
 * @param confidence how sure retrieval was that the knowledge answers the question (0 to 1), for replies drawn from
 * the knowledge; null for replies that did not look there
 */
record Reply(String text, Intent intent, List<Citation> citations, List<Action> actions, String topic,
		Double confidence) {

	/** A reply that does not come from the knowledge. */
	Reply(String text, Intent intent, List<Citation> citations, List<Action> actions, String topic) {
		this(text, intent, citations, actions, topic, null);
	}

	/** No reply: a member of staff owns the conversation and will answer. */
	static final Reply STAFF_ANSWERS = new Reply("", Intent.HANDOFF, List.of(), List.of(), null);

	static Reply of(String text, Intent intent, Action... actions) {
		return new Reply(text, intent, List.of(), List.of(actions), null);
	}

}
