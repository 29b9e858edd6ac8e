package com.frontdesk.insights;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes everything Frontdesk keeps of one conversation, at the patient's request: its turns and their feedback,
 * its callback requests, and for a messaging conversation the sender's stored messages and link to it. A sender who
 * texted STOP stays opted out (the opt-out is kept without the link), so they are not texted again.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@Repository
class ConversationEraser {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConversationEraser(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Erases the conversation in one transaction; false when there is no such conversation. */
	@Transactional
	boolean erase(String conversationId) {
		boolean exists = jdbc.sql("select count(*) from conversation where id = ?")
			.param(conversationId)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			return false;
		}
		for (Contact contact : contacts(conversationId)) {
			jdbc.sql("delete from channel_message where channel = ? and sender = ?")
				.params(contact.channel(), contact.sender())
				.update();
			if (contact.optedOut()) {
				jdbc.sql("update channel_contact set conversation_id = null, updated_at = ? where channel = ? and sender = ?")
					.params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), contact.channel(),
							contact.sender())
					.update();
			}
			else {
				jdbc.sql("delete from channel_contact where channel = ? and sender = ?")
					.params(contact.channel(), contact.sender())
					.update();
			}
		}
		jdbc.sql("delete from callback_request where conversation_id = ?").param(conversationId).update();
		jdbc.sql("delete from practice_notice where conversation_id = ?").param(conversationId).update();
		jdbc.sql("delete from reply_feedback where conversation_id = ?").param(conversationId).update();
		jdbc.sql("delete from turn where conversation_id = ?").param(conversationId).update();
		jdbc.sql("delete from conversation where id = ?").param(conversationId).update();
		return true;
	}

	private List<Contact> contacts(String conversationId) {
		return jdbc.sql("select channel, sender, opted_out_at from channel_contact where conversation_id = ?")
			.param(conversationId)
			.query((row, rowNum) -> new Contact(row.getString("channel"), row.getString("sender"),
					row.getTimestamp("opted_out_at") != null))
			.list();
	}

	private record Contact(String channel, String sender, boolean optedOut) {
	}

}
