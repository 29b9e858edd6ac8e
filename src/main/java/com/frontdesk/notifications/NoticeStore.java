package com.frontdesk.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.frontdesk.practice.PracticeId;

/**
 * The outbox: notices to the practice and one delivery row per target. A delivery is taken with a compare-and-set
 * update that also sets a lease, so of several instances polling the same database only one attempts it; its result
 * is recorded only by the instance that holds it.
 */
@Repository
class NoticeStore {

	static final String PENDING = "pending";

	static final String FAILING = "failing";

	static final String DELIVERED = "delivered";

	/** A delivery as the dispatcher sees it. */
	record Delivery(long id, long noticeId, String target, int attempts) {
	}

	/** A notice as it is sent: its key, type and the JSON body exactly as stored. */
	record StoredNotice(long id, String key, PracticeId practice, String type, String payload, Instant createdAt) {
	}

	/** How one delivery of a notice stands, for the admin view. */
	record DeliveryState(String target, String status, int attempts, String lastError, Instant deliveredAt,
			Instant nextAttemptAt) {
	}

	private final JdbcClient jdbc;

	NoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertNotice(String key, PracticeNotice notice, String payload, Instant now) {
		KeyHolder id = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into practice_notice (notice_key, practice_id, type, reference, conversation_id, channel, payload,
				  created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key, notice.practice().value(), notice.type(), notice.reference(), notice.conversationId(),
					notice.channel(), payload, utc(now))
			.update(id, "id");
		return id.getKey().longValue();
	}

	void insertDelivery(long noticeId, PracticeId practice, String target, Instant now) {
		jdbc.sql("""
				insert into notice_delivery (notice_id, practice_id, target, status, attempts, next_attempt_at)
				values (?, ?, ?, ?, 0, ?)""")
			.params(noticeId, practice.value(), target, PENDING, utc(now))
			.update();
	}

	/** Deliveries that are due and not held by anyone, oldest due first. */
	List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				select id from notice_delivery
				where status in ('pending', 'failing') and next_attempt_at <= ?
				  and (claimed_until is null or claimed_until < ?)
				order by next_attempt_at, id fetch first ? rows only""")
			.params(utc(now), utc(now), limit)
			.query(Long.class)
			.list();
	}

	/** Takes a due delivery for {@code owner} until {@code until}; empty when another instance has it (or it is done). */
	Optional<Delivery> claim(long id, String owner, Instant now, Instant until) {
		int taken = jdbc.sql("""
				update notice_delivery set claimed_by = ?, claimed_until = ?
				where id = ? and status in ('pending', 'failing') and next_attempt_at <= ?
				  and (claimed_until is null or claimed_until < ?)""")
			.params(owner, utc(until), id, utc(now), utc(now))
			.update();
		if (taken != 1) {
			return Optional.empty();
		}
		return jdbc.sql("select id, notice_id, target, attempts from notice_delivery where id = ? and claimed_by = ?")
			.params(id, owner)
			.query((row, n) -> new Delivery(row.getLong("id"), row.getLong("notice_id"), row.getString("target"),
					row.getInt("attempts")))
			.optional();
	}

	StoredNotice notice(long id) {
		return jdbc.sql("select id, notice_key, practice_id, type, payload, created_at from practice_notice where id = ?")
			.param(id)
			.query((row, n) -> new StoredNotice(row.getLong("id"), row.getString("notice_key"),
					PracticeId.parse(row.getString("practice_id")), row.getString("type"), row.getString("payload"),
					instant(row, "created_at")))
			.single();
	}

	boolean delivered(long id, String owner, Instant now) {
		return jdbc.sql("""
				update notice_delivery set status = ?, delivered_at = ?, last_error = null, claimed_by = null,
				  claimed_until = null
				where id = ? and claimed_by = ?""")
			.params(DELIVERED, utc(now), id, owner)
			.update() == 1;
	}

	boolean failed(long id, String owner, int attempts, String status, Instant nextAttempt, String error) {
		return jdbc.sql("""
				update notice_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
				  claimed_by = null, claimed_until = null
				where id = ? and claimed_by = ?""")
			.params(status, attempts, utc(nextAttempt), error, id, owner)
			.update() == 1;
	}

	/** Gives a delivery back untouched, due again at {@code nextAttempt} (its target is not configured here). */
	void release(long id, String owner, Instant nextAttempt) {
		jdbc.sql("""
				update notice_delivery set next_attempt_at = ?, claimed_by = null, claimed_until = null
				where id = ? and claimed_by = ?""")
			.params(utc(nextAttempt), id, owner)
			.update();
	}

	long undelivered() {
		return jdbc.sql("select count(*) from notice_delivery where status <> ?")
			.param(DELIVERED)
			.query(Long.class)
			.single();
	}

	long failing() {
		return jdbc.sql("select count(*) from notice_delivery where status = ?").param(FAILING).query(Long.class).single();
	}

	/** The deliveries of the notices of one type about the given references, by reference. */
	Map<String, List<DeliveryState>> deliveries(String type, Collection<String> references) {
		Map<String, List<DeliveryState>> byReference = new LinkedHashMap<>();
		if (references.isEmpty()) {
			return byReference;
		}
		jdbc.sql("""
				select n.reference, d.target, d.status, d.attempts, d.last_error, d.delivered_at, d.next_attempt_at
				from practice_notice n join notice_delivery d on d.notice_id = n.id
				where n.type = :type and n.reference in (:references)
				order by n.id, d.target""")
			.param("type", type)
			.param("references", references)
			.query((ResultSet row) -> {
				byReference.computeIfAbsent(row.getString("reference"), r -> new ArrayList<>())
					.add(new DeliveryState(row.getString("target"), row.getString("status"), row.getInt("attempts"),
							row.getString("last_error"), instant(row, "delivered_at"), instant(row, "next_attempt_at")));
			});
		return byReference;
	}

	/** Deletes the notices about one conversation (its deliveries go with them). */
	void eraseConversation(String conversationId) {
		jdbc.sql("delete from practice_notice where conversation_id = ?").param(conversationId).update();
	}

	/**
	 * Deletes the notices made before the cut-off of the practices in scope once they are delivered everywhere; one
	 * the practice has not received yet is kept until it has.
	 * @return how many notices were deleted
	 */
	int purgeDelivered(OffsetDateTime cutoff, String practices, Map<String, Object> parameters) {
		return jdbc.sql("delete from practice_notice where created_at < :cutoff and " + practices
				+ " and not exists (select 1 from notice_delivery d where d.notice_id = practice_notice.id and "
				+ "d.status <> 'delivered')")
			.param("cutoff", cutoff)
			.params(parameters)
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
