package com.frontdesk.channels.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Inbound messages in the database, unique per (channel, platform message id). */
@Repository
class InboundStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	InboundStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores a new message as pending; empty when this (channel, message id) was stored before. */
	Optional<Long> insert(InboundMessage message) {
		KeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into channel_message
					  (channel, platform_message_id, sender, kind, body, sent_at, received_at, status)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(message.channel(), message.messageId(), message.sender(), message.kind().name(), message.text(),
						utc(message.sentAt()), utc(clock.instant()), MessageStatus.PENDING.value())
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		return Optional.of(key.getKey().longValue());
	}

	/** Marks a pending message as being processed; false when it is not pending (someone else has it). */
	boolean claim(long id) {
		return jdbc.sql("update channel_message set status = ? where id = ? and status = ?")
			.params(MessageStatus.PROCESSING.value(), id, MessageStatus.PENDING.value())
			.update() == 1;
	}

	/** Puts a claimed message back, untouched (its channel is switched off). */
	void release(long id) {
		jdbc.sql("update channel_message set status = ? where id = ? and status = ?")
			.params(MessageStatus.PENDING.value(), id, MessageStatus.PROCESSING.value())
			.update();
	}

	Optional<StoredMessage> find(long id) {
		return jdbc.sql("""
				select id, channel, platform_message_id, sender, kind, body, sent_at
				from channel_message where id = ?""")
			.param(id)
			.query(InboundStore::stored)
			.optional();
	}

	void finish(long id, Outcome outcome) {
		jdbc.sql("update channel_message set status = ?, detail = ?, processed_at = ? where id = ?")
			.params(outcome.status().value(), outcome.detail(), utc(clock.instant()), id)
			.update();
	}

	/** Messages a previous run claimed but did not finish (it stopped or crashed): pending again. */
	int releaseInterrupted(Instant receivedBefore) {
		return jdbc.sql("update channel_message set status = ? where status = ? and received_at < ?")
			.params(MessageStatus.PENDING.value(), MessageStatus.PROCESSING.value(), utc(receivedBefore))
			.update();
	}

	/** Pending messages, oldest first. */
	List<StoredMessage> pending() {
		return jdbc.sql("""
				select id, channel, platform_message_id, sender, kind, body, sent_at
				from channel_message where status = ? order by id""")
			.param(MessageStatus.PENDING.value())
			.query(InboundStore::stored)
			.list();
	}

	private static StoredMessage stored(ResultSet row, int rowNum) throws SQLException {
		InboundMessage message = new InboundMessage(row.getString("channel"), row.getString("platform_message_id"),
				row.getString("sender"), MessageKind.valueOf(row.getString("kind")), row.getString("body"),
				row.getObject("sent_at", OffsetDateTime.class).toInstant());
		return new StoredMessage(row.getLong("id"), message);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
