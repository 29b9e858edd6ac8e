package com.frontdesk.conversation;

import org.springframework.stereotype.Component;

import com.frontdesk.booking.Actions;

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
	Reply emergency(boolean spanish) {
		return Reply.of(spanish ? replies.emergencyInSpanish() : replies.emergency(), Intent.EMERGENCY,
				actions.emergency());
	}

	/** The crisis line first, then the emergency number. */
	Reply selfHarm(boolean spanish) {
		return Reply.of(spanish ? replies.selfHarmInSpanish() : replies.selfHarm(), Intent.EMERGENCY,
				actions.crisisLine(), actions.emergency());
	}

}
