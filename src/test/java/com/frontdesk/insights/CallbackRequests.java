package com.frontdesk.insights;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callback requests as the callback form stores them (the form is another part of Frontdesk): a row in
 * {@code callback_request} with the patient's consent.
 */
final class CallbackRequests {

	private CallbackRequests() {
	}

	static void leave(JdbcClient jdbc, String conversationId, OffsetDateTime at) {
		jdbc.sql("""
				insert into callback_request (id, conversation_id, channel, name, phone, preferred_time, consent_text,
				  consent_at, idempotency_key, status, created_at)
				values (?, ?, 'web', 'Test Patient', '+15555550123', 'morning', 'You may call me.', ?, ?, 'open', ?)""")
			.params(UUID.randomUUID().toString(), conversationId, at, UUID.randomUUID().toString(), at)
			.update();
	}

}
