package com.frontdesk.conversation;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;

/**
 * One message from a patient, as every channel hands it to {@link TurnPipeline}: which practice it was written to,
 * where from, in which conversation, and what it says.
 *
 * @param practice the practice the patient writes to (the widget's {@code data-practice}, the messaging account)
 * @param channel where it came from
 * @param conversationId the conversation it continues, or {@code null} to start one
 * @param message what the patient wrote
 */
public record TurnRequest(Practice practice, Channel channel, String conversationId, String message) {

	public TurnRequest {
		if (practice == null || channel == null) {
			throw new IllegalArgumentException("A turn belongs to a practice and comes from a channel");
		}
	}

	Audience audience(boolean spanish) {
		return new Audience(practice, spanish);
	}

}
