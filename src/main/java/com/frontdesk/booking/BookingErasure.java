package com.frontdesk.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What booking keeps of one conversation, erased at the patient's request within the caller's transaction: its
 * callback requests (the practice's notices about them go with the conversation's other notices, by
 * {@code ConversationErased}).
 */
@Component
public class BookingErasure {

	private final JdbcClient jdbc;

	BookingErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void eraseConversation(String conversationId) {
		jdbc.sql("delete from callback_request where conversation_id = ?").param(conversationId).update();
	}

}
