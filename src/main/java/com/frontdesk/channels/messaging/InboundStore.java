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

import com.frontdesk.practice.PracticeId;

/** Inbound messages in the database, unique per (practice, channel, platform message id). */
@Repository
class InboundStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	InboundStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores a new message as pending; empty when this (practice, channel, message id) was stored before. */
	Optional<Long> insert(InboundMessage message) {
		KeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into channel_message
					  (practice_id, channel, platform_message_id, sender, kind, body, sent_at, received_at, status)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(message.practice().value(), message.channel(), message.messageId(), message.sender(), message.kind().name(), message.text(),
						utc(message.sentAt()), utc(clock.instant()), MessageStatus.PENDING.value())
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
		return Optional.of(key.getKey().longValue());
	}

	/**
	 * Marks a pending message as being processed by this instance. False when it is not pending (another thread or
	 * instance has it), or when an earlier message of the same sender is not finished yet: a sender's messages are
	 * answered one at a time, in the order they arrived, whichever instance received them.
	 */
	boolean claim(StoredMessage stored, String instance) {
		InboundMessage message = stored.message();
		return jdbc.sql("""
				update channel_message set status = ?, claimed_by = ?, claimed_at = ?
				where id = ? and status = ?
				  and not exists (select 1 from channel_message earlier
				                  where earlier.practice_id = ? and earlier.channel = ? and earlier.sender = ?
				                    and earlier.id < ? and earlier.status in (?, ?))""")
			.params(MessageStatus.PROCESSING.value(), instance, utc(clock.instant()), stored.id(),
					MessageStatus.PENDING.value(), message.practice().value(), message.channel(), message.sender(), stored.id(),
					MessageStatus.PENDING.value(), MessageStatus.PROCESSING.value())
			.update() == 1;
	}

	/** The sender's oldest message to that practice still waiting, if any. */
	Optional<StoredMessage> nextPending(InboundMessage previous) {
		return jdbc.sql("""
				select id, practice_id, channel, platform_message_id, sender, kind, body, sent_at
				from channel_message where practice_id = ? and channel = ? and sender = ? and status = ? order by id
				fetch first 1 rows only""")
			.params(previous.practice().value(), previous.channel(), previous.sender(), MessageStatus.PENDING.value())
			.query(InboundStore::stored)
			.optional();
	}

	/**
	 * Puts a message this instance claimed back as pending, untouched, for another instance or the next start; false
	 * when the instance no longer holds it.
	 */
	boolean handBack(long id, String instance) {
		return jdbc.sql("""
				update channel_message set status = ?, claimed_by = null, claimed_at = null
				where id = ? and status = ? and claimed_by = ?""")
			.params(MessageStatus.PENDING.value(), id, MessageStatus.PROCESSING.value(), instance)
			.update() == 1;
	}

	Optional<StoredMessage> find(long id) {
		return jdbc.sql("""
				select id, practice_id, channel, platform_message_id, sender, kind, body, sent_at
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

	/**
	 * Messages claimed by an instance that is gone (it stopped or crashed before finishing them, and no longer
	 * refreshes its heartbeat): pending again, for any instance to answer.
	 */
	int releaseOrphaned(OffsetDateTime aliveSince) {
		return jdbc.sql("""
				update channel_message set status = ?, claimed_by = null, claimed_at = null
				where status = ? and (claimed_by is null
				  or claimed_by not in (select id from app_instance where heartbeat_at >= ?))""")
			.params(MessageStatus.PENDING.value(), MessageStatus.PROCESSING.value(), aliveSince)
			.update();
	}

	/** Pending messages received before the given time, oldest first. */
	List<StoredMessage> pending(Instant receivedBefore) {
		return jdbc.sql("""
				select id, practice_id, channel, platform_message_id, sender, kind, body, sent_at
				from channel_message where status = ? and received_at < ? order by id""")
			.params(MessageStatus.PENDING.value(), utc(receivedBefore))
			.query(InboundStore::stored)
			.list();
	}

	private static StoredMessage stored(ResultSet row, int rowNum) throws SQLException {
		InboundMessage message = new InboundMessage(new PracticeId(row.getString("practice_id")), row.getString("channel"), row.getString("platform_message_id"),
				row.getString("sender"), MessageKind.valueOf(row.getString("kind")), row.getString("body"),
				row.getObject("sent_at", OffsetDateTime.class).toInstant());
		return new StoredMessage(row.getLong("id"), message);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
