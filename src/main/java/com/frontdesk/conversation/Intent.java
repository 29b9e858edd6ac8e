package com.frontdesk.conversation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a reply is: the values are part of the public API. */
public enum Intent {

	ANSWER, BOOKING, EMERGENCY, NEEDS_CLINICIAN, HANDOFF, NOT_COVERED, GREETING;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Intent fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
