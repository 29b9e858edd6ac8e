package com.frontdesk.channels.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.frontdesk.practice.PracticeId;

/**
 * Callback requests under way on the messaging channels ({@code callback_form}), one per (practice, channel, sender).
 */
@Repository
class CallbackFormStore {

	/** Where a patient is in the exchange. */
	enum Step {

		NAME, PHONE, CONFIRM_PHONE, TIME, REASON, CONSENT

	}

	/**
	 * One exchange under way.
	 *
	 * @param formId stable for the whole exchange: the request's idempotency key is made from it
	 * @param phone the number to call (E.164), or the sender's own number waiting to be confirmed
	 */
	record Form(PracticeId practice, String channel, String sender, String formId, String conversationId, Step step, String name,
			String phone, String preferredTime, String reason, Instant updatedAt) {

		Form at(Step next) {
			return new Form(practice, channel, sender, formId, conversationId, next, name, phone, preferredTime, reason, updatedAt);
		}

		Form withName(String value) {
			return new Form(practice, channel, sender, formId, conversationId, step, value, phone, preferredTime, reason, updatedAt);
		}

		Form withPhone(String value) {
			return new Form(practice, channel, sender, formId, conversationId, step, name, value, preferredTime, reason, updatedAt);
		}

		Form withTime(String value) {
			return new Form(practice, channel, sender, formId, conversationId, step, name, phone, value, reason, updatedAt);
		}

		Form withReason(String value) {
			return new Form(practice, channel, sender, formId, conversationId, step, name, phone, preferredTime, value, updatedAt);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	CallbackFormStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Form> find(PracticeId practice, String channel, String sender) {
		return jdbc.sql("""
				select practice_id, channel, sender, form_id, conversation_id, step, name, phone, preferred_time, reason,
				  updated_at
				from callback_form where practice_id = ? and channel = ? and sender = ?""")
			.params(practice.value(), channel, sender)
			.query(CallbackFormStore::form)
			.optional();
	}

	/** Starts an exchange at its first step, replacing one that was left. */
	Form start(PracticeId practice, String channel, String sender, String conversationId) {
		delete(practice, channel, sender);
		OffsetDateTime now = now();
		Form form = new Form(practice, channel, sender, UUID.randomUUID().toString(), conversationId, Step.NAME, null, null, null,
				null, now.toInstant());
		jdbc.sql("""
				insert into callback_form
				  (practice_id, channel, sender, form_id, conversation_id, step, started_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(practice.value(), channel, sender, form.formId(), conversationId, form.step().name(), now, now)
			.update();
		return form;
	}

	void save(Form form) {
		jdbc.sql("""
				update callback_form set step = ?, name = ?, phone = ?, preferred_time = ?, reason = ?, updated_at = ?
				where practice_id = ? and channel = ? and sender = ? and form_id = ?""")
			.params(form.step().name(), form.name(), form.phone(), form.preferredTime(), form.reason(), now(),
					form.practice().value(), form.channel(), form.sender(), form.formId())
			.update();
	}

	void delete(PracticeId practice, String channel, String sender) {
		jdbc.sql("delete from callback_form where practice_id = ? and channel = ? and sender = ?")
			.params(practice.value(), channel, sender)
			.update();
	}

	private static Form form(ResultSet row, int rowNum) throws SQLException {
		return new Form(new PracticeId(row.getString("practice_id")), row.getString("channel"), row.getString("sender"), row.getString("form_id"),
				row.getString("conversation_id"), Step.valueOf(row.getString("step")), row.getString("name"),
				row.getString("phone"), row.getString("preferred_time"), row.getString("reason"),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
