package com.frontdesk.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.frontdesk.practice.PracticeId;

/** Callback requests in the database ({@code callback_request}), unique per idempotency key. */
@Repository
class CallbackStore {

	static final String OPEN = "open";

	static final String DONE = "done";

	private static final String COLUMNS = """
			id, created_at, channel, conversation_id, name, phone, email, preferred_time, reason, status, consent_text,
			consent_at, done_at""";

	/** A new request, checked. */
	record NewRequest(PracticeId practice, String id, String conversationId, String channel, String name, String phone,
			String email,
			PreferredTime preferredTime, String reason, String consentText, Instant consentAt, String idempotencyKey,
			String requestHash, Instant createdAt) {
	}

	/** An existing request found by its key, with what it was made of. */
	record Existing(String id, String requestHash) {
	}

	private final JdbcClient jdbc;

	CallbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the request; false when a request with the same idempotency key exists (nothing is changed then). */
	boolean insert(NewRequest request) {
		return jdbc.sql("""
				insert into callback_request (practice_id, id, conversation_id, channel, name, phone, email,
				  preferred_time, reason, consent_text, consent_at, idempotency_key, request_hash, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(request.practice().value(), request.id(), request.conversationId(), request.channel(), request.name(), request.phone(),
					request.email(), request.preferredTime().value(), request.reason(), request.consentText(),
					utc(request.consentAt()), request.idempotencyKey(), request.requestHash(), OPEN,
					utc(request.createdAt()))
			.update() == 1;
	}

	Optional<Existing> byKey(String idempotencyKey) {
		return jdbc.sql("select id, request_hash from callback_request where idempotency_key = ?")
			.param(idempotencyKey)
			.query((row, n) -> new Existing(row.getString("id"), row.getString("request_hash")))
			.optional();
	}

	/**
	 * The practice's newest request of this conversation (or with no conversation) for this phone, made after
	 * {@code since}.
	 */
	Optional<String> recent(PracticeId practice, String channel, String conversationId, String phone, Instant since) {
		String conversation = conversationId == null ? "conversation_id is null" : "conversation_id = :conversation";
		JdbcClient.StatementSpec query = jdbc.sql("""
				select id from callback_request
				where practice_id = :practice and channel = :channel and phone = :phone and created_at > :since and %s
				order by created_at desc fetch first 1 rows only""".formatted(conversation))
			.param("practice", practice.value())
			.param("channel", channel)
			.param("phone", phone)
			.param("since", utc(since));
		if (conversationId != null) {
			query = query.param("conversation", conversationId);
		}
		return query.query(String.class).optional();
	}

	/** The channel of one of the practice's conversations, if it exists. */
	Optional<String> conversationChannel(PracticeId practice, String conversationId) {
		return jdbc.sql("select channel from conversation where id = ? and practice_id = ?")
			.params(conversationId, practice.value())
			.query(String.class)
			.optional();
	}

	/** The practice's requests with the status ({@code null}: all), newest first. */
	List<CallbackRequest> list(PracticeId practice, String status, int limit) {
		String where = "where practice_id = :practice " + (status == null ? "" : "and status = :status ");
		JdbcClient.StatementSpec query = jdbc
			.sql("select " + COLUMNS + " from callback_request " + where
					+ "order by created_at desc, id fetch first :limit rows only")
			.param("practice", practice.value())
			.param("limit", limit);
		if (status != null) {
			query = query.param("status", status);
		}
		return query.query(CallbackStore::request).list();
	}

	Optional<CallbackRequest> find(PracticeId practice, String id) {
		return jdbc.sql("select " + COLUMNS + " from callback_request where id = ? and practice_id = ?")
			.params(id, practice.value())
			.query(CallbackStore::request)
			.optional();
	}

	/** Marks an open request of the practice done; false when it does not exist or was done already. */
	boolean markDone(PracticeId practice, String id, Instant at) {
		return jdbc
			.sql("update callback_request set status = ?, done_at = ? where id = ? and status = ? and practice_id = ?")
			.params(DONE, utc(at), id, OPEN, practice.value())
			.update() == 1;
	}

	private static CallbackRequest request(ResultSet row, int rowNum) throws SQLException {
		return new CallbackRequest(row.getString("id"), instant(row, "created_at"), row.getString("channel"),
				row.getString("conversation_id"), row.getString("name"), row.getString("phone"), row.getString("email"),
				PreferredTime.fromValue(row.getString("preferred_time")).orElse(PreferredTime.ANY),
				row.getString("reason"), row.getString("status"), row.getString("consent_text"),
				instant(row, "consent_at"), instant(row, "done_at"), null, List.of());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
