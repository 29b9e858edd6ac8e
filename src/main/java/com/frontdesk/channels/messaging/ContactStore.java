package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.frontdesk.practice.PracticeId;

/**
 * One row per (practice, channel, sender): the sender's conversation with that practice and whether they opted out of
 * its messages. The same person writing to two practices' accounts is two contacts.
 */
@Repository
class ContactStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<String> conversation(PracticeId practice, String channel, String sender) {
		return jdbc.sql("select conversation_id from channel_contact where practice_id = ? and channel = ? and sender = ?")
			.params(practice.value(), channel, sender)
			.query(String.class)
			.optional();
	}

	/** The sender a conversation of this practice and channel belongs to. */
	Optional<String> senderOf(PracticeId practice, String channel, String conversationId) {
		return jdbc.sql("select sender from channel_contact where practice_id = ? and channel = ? and conversation_id = ?")
			.params(practice.value(), channel, conversationId)
			.query(String.class)
			.stream()
			.findFirst();
	}

	void link(PracticeId practice, String channel, String sender, String conversationId) {
		upsert(practice, channel, sender, "conversation_id = ?", conversationId, "conversation_id");
	}

	/** The language the sender last wrote in ({@code en} or {@code es}), if any message of theirs could tell. */
	Optional<String> language(PracticeId practice, String channel, String sender) {
		return jdbc.sql("select language from channel_contact where practice_id = ? and channel = ? and sender = ?")
			.params(practice.value(), channel, sender)
			.query(String.class)
			.optional();
	}

	void speaks(PracticeId practice, String channel, String sender, String language) {
		upsert(practice, channel, sender, "language = ?", language, "language");
	}

	boolean optedOut(PracticeId practice, String channel, String sender) {
		return jdbc.sql("""
				select count(*) from channel_contact
				where practice_id = ? and channel = ? and sender = ? and opted_out_at is not null""")
			.params(practice.value(), channel, sender)
			.query(Integer.class)
			.single() > 0;
	}

	void optOut(PracticeId practice, String channel, String sender) {
		upsert(practice, channel, sender, "opted_out_at = ?", now(), "opted_out_at");
	}

	void optIn(PracticeId practice, String channel, String sender) {
		upsert(practice, channel, sender, "opted_out_at = ?", null, "opted_out_at");
	}

	/** Updates the row, or inserts it; callers hold the sender's lock, and a racing insert is retried as an update. */
	private void upsert(PracticeId practice, String channel, String sender, String assignment, Object value,
			String column) {
		String update = "update channel_contact set " + assignment
				+ ", updated_at = ? where practice_id = ? and channel = ? and sender = ?";
		if (jdbc.sql(update).params(value, now(), practice.value(), channel, sender).update() > 0) {
			return;
		}
		try {
			jdbc.sql("insert into channel_contact (practice_id, channel, sender, " + column
					+ ", updated_at) values (?, ?, ?, ?, ?)")
				.params(practice.value(), channel, sender, value, now())
				.update();
		}
		catch (DuplicateKeyException ex) {
			jdbc.sql(update).params(value, now(), practice.value(), channel, sender).update();
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
