package com.frontdesk.conversation;

import org.springframework.stereotype.Component;

import com.frontdesk.booking.Actions;
import com.frontdesk.practice.Audience;

/**
 * The replies that send a patient to emergency care or to the crisis line, the same whoever raised the turn: triage,
 * or the model when triage did not.
 */
@Component
class EmergencyReplies {

	private final Replies replies;

	private final Actions actions;

	EmergencyReplies(Replies replies, Actions actions) {
		this.replies = replies;
		this.actions = actions;
	}

	/** Call the emergency number or go to the emergency room, with the emergency action. */
	Reply emergency(Audience audience) {
		return emergency(audience, "");
	}

	/**
	 * The red flag's own advice first, then the rest of the emergency reply, with the emergency action.
	 * @param advice the advice of the concept triage found (empty: the general emergency advice)
	 */
	Reply emergency(Audience audience, String advice) {
		return Reply.of(replies.emergency(advice, audience), Intent.EMERGENCY, actions.emergency(audience));
	}

	/** The crisis line first, then the emergency number. */
	Reply selfHarm(Audience audience) {
		return selfHarm(audience, "");
	}

	/** The crisis line first, then the emergency number, in the self-harm concept's words when given. */
	Reply selfHarm(Audience audience, String advice) {
		return Reply.of(replies.selfHarm(advice, audience), Intent.EMERGENCY, actions.crisisLine(audience),
				actions.emergency(audience));
	}

}
