package com.frontdesk.conversation;

import java.util.List;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;

/**
 * One reply of the assistant, as every channel receives it.
 *
 * @param replyId the stored reply's id, for the patient's feedback on it
 */
public record ChatReply(String conversationId, String reply, Intent intent, List<Citation> citations,
		List<Action> actions, String replyId) {

	public ChatReply {
		citations = List.copyOf(citations);
		actions = List.copyOf(actions);
	}

}
