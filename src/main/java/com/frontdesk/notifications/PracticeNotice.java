package com.frontdesk.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.frontdesk.practice.PracticeId;

/**
 * Something the practice must hear about, delivered through {@link PracticeNotifications}: a callback request, a
 * patient waiting for a person, ... Keep to what the practice needs to act; it goes to the practice's webhook and
 * inbox, never to logs.
 *
 * @param practice the practice it is for: it goes to that practice's targets
 * @param type what happened, e.g. {@link #CALLBACK_REQUEST} or {@link #HANDOFF_REQUESTED} (lower case, underscores)
 * @param reference what the notice is about, e.g. the callback request's id (to look its delivery up); may be null
 * @param conversationId the conversation it came from, or null
 * @param channel the channel of that conversation ({@code web}, {@code whatsapp}, ...), or null
 * @param text one or two sentences saying what the practice should do
 * @param fields the details, in the order they should be shown (name, phone, ...); values may not be null
 */
record PracticeNotice(PracticeId practice, String type, String reference, String conversationId, String channel, String text,
		Map<String, String> fields) {

	/** A patient asked to be called back. */
	static final String CALLBACK_REQUEST = "callback_request";

	/** A patient asked to talk to a person at the practice. */
	static final String HANDOFF_REQUESTED = "handoff_requested";

	public PracticeNotice {
		Objects.requireNonNull(practice, "practice");
		Objects.requireNonNull(type, "type");
		if (!type.matches("[a-z][a-z0-9_]{0,39}")) {
			throw new IllegalArgumentException("a notice type is lower case with underscores, at most 40 characters");
		}
		text = text == null ? "" : text;
		Map<String, String> copy = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((key, value) -> {
				if (value != null) {
					copy.put(key, value);
				}
			});
		}
		fields = java.util.Collections.unmodifiableMap(copy);
	}

	/** A notice that is not about a stored record of its own. */
	static PracticeNotice of(PracticeId practice, String type, String conversationId, String channel,
			String text, Map<String, String> fields) {
		return new PracticeNotice(practice, type, null, conversationId, channel, text, fields);
	}

}
