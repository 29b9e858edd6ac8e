package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per (channel, sender): the sender's conversation and whether they opted out of messages. */
@Repository
class ContactStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<String> conversation(String channel, String sender) {
		return jdbc.sql("select conversation_id from channel_contact where channel = ? and sender = ?")
			.params(channel, sender)
			.query(String.class)
			.optional();
	}

	/** The sender a conversation of this channel belongs to. */
	Optional<String> senderOf(String channel, String conversationId) {
		return jdbc.sql("select sender from channel_contact where channel = ? and conversation_id = ?")
			.params(channel, conversationId)
			.query(String.class)
			.stream()
			.findFirst();
	}

	void link(String channel, String sender, String conversationId) {
		upsert(channel, sender, "conversation_id = ?", conversationId, "conversation_id");
	}

	boolean optedOut(String channel, String sender) {
		return jdbc.sql("select count(*) from channel_contact where channel = ? and sender = ? and opted_out_at is not null")
			.params(channel, sender)
			.query(Integer.class)
			.single() > 0;
	}

	void optOut(String channel, String sender) {
		upsert(channel, sender, "opted_out_at = ?", now(), "opted_out_at");
	}

	void optIn(String channel, String sender) {
		upsert(channel, sender, "opted_out_at = ?", null, "opted_out_at");
	}

	/** Updates the row, or inserts it; callers hold the sender's lock, and a racing insert is retried as an update. */
	private void upsert(String channel, String sender, String assignment, Object value, String column) {
		String update = "update channel_contact set " + assignment + ", updated_at = ? where channel = ? and sender = ?";
		if (jdbc.sql(update).params(value, now(), channel, sender).update() > 0) {
			return;
		}
		try {
			jdbc.sql("insert into channel_contact (channel, sender, " + column + ", updated_at) values (?, ?, ?, ?)")
				.params(channel, sender, value, now())
				.update();
		}
		catch (DuplicateKeyException ex) {
			jdbc.sql(update).params(value, now(), channel, sender).update();
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
