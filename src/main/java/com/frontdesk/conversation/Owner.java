package com.frontdesk.conversation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who answers a conversation. The values are part of the public API (admin API, history).
 * <ul>
 * <li>{@code bot}: the assistant answers;</li>
 * <li>{@code waiting_for_staff}: the patient asked for a person; the practice has been told once; the assistant
 * still answers questions meanwhile;</li>
 * <li>{@code staff}: a member of staff has taken the conversation; the assistant stays quiet (except emergency
 * triage, which always answers);</li>
 * <li>{@code closed}: staff closed it; a new message from the patient reopens it with the assistant.</li>
 * </ul>
 */
public enum Owner {

	BOT, WAITING_FOR_STAFF, STAFF, CLOSED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Owner fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
