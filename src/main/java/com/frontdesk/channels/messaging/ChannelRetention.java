package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.frontdesk.conversation.ConversationErased;
import com.frontdesk.platform.Retention.Cutoffs;
import com.frontdesk.platform.Retention.Purged;
import com.frontdesk.platform.RetentionPurge;

/**
 * What the messaging channels keep of patients, deleted when it is past its retention or its conversation is erased.
 * A sender who texted STOP stays opted out (the opt-out is kept without the link), so they are not texted again.
 */
@Component
class ChannelRetention implements RetentionPurge {

	private final JdbcClient jdbc;

	private final Clock clock;

	ChannelRetention(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Messages received before the cut-off (unless still to be answered), and contacts no longer linked to a
	 * conversation (the conversations' part ran first) and unchanged since the cut-off, unless opted out.
	 */
	@Override
	public Purged purge(Cutoffs cutoffs) {
		int messages = jdbc
			.sql("delete from channel_message where received_at < ? and status not in ('pending', 'processing')")
			.param(cutoffs.conversations())
			.update();
		int contacts = jdbc.sql("delete from channel_contact where conversation_id is null and opted_out_at is null "
				+ "and updated_at < ?").param(cutoffs.conversations()).update();
		return new Purged(0, messages, contacts, 0);
	}

	/** A messaging conversation erased at the patient's request: the sender's stored messages and link go with it. */
	@EventListener
	void erased(ConversationErased erased) {
		for (Contact contact : contacts(erased.conversationId())) {
			jdbc.sql("delete from channel_message where practice_id = ? and channel = ? and sender = ?")
				.params(contact.practice(), contact.channel(), contact.sender())
				.update();
			if (contact.optedOut()) {
				jdbc.sql("""
						update channel_contact set conversation_id = null, updated_at = ?
						where practice_id = ? and channel = ? and sender = ?""")
					.params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), contact.practice(),
							contact.channel(), contact.sender())
					.update();
			}
			else {
				jdbc.sql("delete from channel_contact where practice_id = ? and channel = ? and sender = ?")
					.params(contact.practice(), contact.channel(), contact.sender())
					.update();
			}
		}
	}

	private List<Contact> contacts(String conversationId) {
		return jdbc
			.sql("select practice_id, channel, sender, opted_out_at from channel_contact where conversation_id = ?")
			.param(conversationId)
			.query((row, rowNum) -> new Contact(row.getString("practice_id"), row.getString("channel"),
					row.getString("sender"),
					row.getTimestamp("opted_out_at") != null))
			.list();
	}

	private record Contact(String practice, String channel, String sender, boolean optedOut) {
	}

}
