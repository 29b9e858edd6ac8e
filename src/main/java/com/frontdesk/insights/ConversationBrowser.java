package com.frontdesk.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Repository;

import com.frontdesk.practice.PracticeId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads conversations for the practice: a filtered, paged list, and one conversation's whole transcript. */
@Lazy // for the admin only: made when first asked for, not while the app starts
@Repository
class ConversationBrowser {

	/** How much of the first question a list row shows. */
	static final int PREVIEW_LENGTH = 140;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ConversationBrowser(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The practice's conversations matching the filter, newest first. */
	ConversationPage list(PracticeId practice, ConversationFilter filter, ZoneId zone, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(practice, filter, zone, params);
		long total = jdbc.sql("select count(*) from conversation c" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<ConversationRow> rows = jdbc.sql("""
				select c.id, c.channel, c.owner, c.created_at, c.updated_at,
				  (select count(*) from turn t where t.conversation_id = c.id) as turns,
				  (select t.intent from turn t where t.conversation_id = c.id order by t.id desc limit 1) as last_intent,
				  (select t.question from turn t where t.conversation_id = c.id order by t.id limit 1) as first_question
				from conversation c""" + where + " order by c.created_at desc, c.id desc limit ? offset ?")
			.params(pageParams)
			.query(this::row)
			.list();
		return new ConversationPage(rows, page, size, total);
	}

	/**
	 * One of the practice's conversations with every turn, its feedback and confidence, oldest turn first; another
	 * practice's is not found.
	 */
	Optional<Transcript> transcript(PracticeId practice, String id) {
		Optional<Transcript> conversation = jdbc.sql("""
				select id, channel, page, owner, owner_changed_at, created_at, updated_at from conversation
				where id = ? and practice_id = ?""")
			.params(id, practice.value())
			.query((row, rowNum) -> new Transcript(row.getString("id"), row.getString("channel"), row.getString("page"),
					row.getString("owner"),
					instant(row, "owner_changed_at"), instant(row, "created_at"), instant(row, "updated_at"), List.of()))
			.optional();
		return conversation.map(header -> header.withTurns(turns(id)));
	}

	private List<TranscriptTurn> turns(String conversationId) {
		return jdbc.sql("""
				select t.id, t.question, t.reply, t.intent, t.citations, t.actions, t.confidence, t.created_at,
				  t.author, t.delivery, t.delivery_detail, f.rating, f.comment, f.rated_at
				from turn t left join reply_feedback f on f.turn_id = t.id
				where t.conversation_id = ? order by t.id""")
			.param(conversationId)
			.query((row, rowNum) -> new TranscriptTurn(String.valueOf(row.getLong("id")), row.getString("question"),
					row.getString("reply"), row.getString("intent"), json(row.getString("citations")),
					json(row.getString("actions")), confidence(row), instant(row, "created_at"), row.getString("author"),
					row.getString("delivery") == null ? null
							: new TranscriptTurn.Delivery(row.getString("delivery"), row.getString("delivery_detail")),
					feedback(row)))
			.list();
	}

	private static String where(PracticeId practice, ConversationFilter filter, ZoneId zone, List<Object> params) {
		StringBuilder where = new StringBuilder(" where c.practice_id = ?");
		params.add(practice.value());
		if (filter.channel() != null) {
			where.append(" and c.channel = ?");
			params.add(filter.channel());
		}
		if (filter.owner() != null) {
			where.append(" and c.owner = ?");
			params.add(filter.owner());
		}
		if (filter.intent() != null) {
			where.append(" and exists (select 1 from turn t where t.conversation_id = c.id and t.intent = ?)");
			params.add(filter.intent().value());
		}
		if (filter.from() != null) {
			where.append(" and c.created_at >= ?");
			params.add(ReportPeriod.startOf(filter.from(), zone));
		}
		if (filter.to() != null) {
			where.append(" and c.created_at < ?");
			params.add(ReportPeriod.startOf(filter.to().plusDays(1), zone));
		}
		return where.toString();
	}

	private ConversationRow row(ResultSet row, int rowNum) throws SQLException {
		return new ConversationRow(row.getString("id"), row.getString("channel"), row.getString("owner"),
				instant(row, "created_at"), instant(row, "updated_at"), row.getInt("turns"), row.getString("last_intent"),
				preview(row.getString("first_question")));
	}

	private static String preview(String question) {
		if (question == null || question.length() <= PREVIEW_LENGTH) {
			return question;
		}
		return question.substring(0, PREVIEW_LENGTH - 1).stripTrailing() + "…";
	}

	private JsonNode json(String text) {
		return json.readTree(text);
	}

	private static Double confidence(ResultSet row) throws SQLException {
		double value = row.getDouble("confidence");
		return row.wasNull() ? null : value;
	}

	private static TranscriptTurn.Feedback feedback(ResultSet row) throws SQLException {
		String rating = row.getString("rating");
		return rating == null ? null
				: new TranscriptTurn.Feedback(rating, row.getString("comment"), instant(row, "rated_at"));
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp at = row.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	/** One page of the list. */
	record ConversationPage(List<ConversationRow> items, int page, int size, long total) {
	}

	/**
	 * One conversation in the list.
	 *
	 * @param lastIntent the intent of its latest reply, or null before the first
	 * @param firstQuestion the start of what the patient first wrote
	 */
	record ConversationRow(String id, String channel, String owner, Instant createdAt, Instant updatedAt, int turns,
			String lastIntent, String firstQuestion) {
	}

	/** A conversation and all its turns. */
	/** One conversation; {@code page} is the web page it was started on (origin and path), or null. */
	record Transcript(String id, String channel, String page, String owner, Instant ownerChangedAt, Instant createdAt,
			Instant updatedAt, List<TranscriptTurn> turns) {

		Transcript withTurns(List<TranscriptTurn> all) {
			return new Transcript(id, channel, page, owner, ownerChangedAt, createdAt, updatedAt, all);
		}

	}

	/**
	 * One question and its reply, as the practice reviews it.
	 *
	 * @param confidence how sure retrieval was that the knowledge answers the question, or null when the reply did not
	 * come from the knowledge
	 * @param author who wrote the reply: {@code assistant}, {@code staff} (no patient message), or {@code pending}
	 * (the patient wrote while staff owned the conversation: no reply)
	 * @param delivery for a staff message pushed to a messaging channel: whether the patient got it ({@code sending},
	 * {@code sent}, {@code failed}, {@code not_sent}) and why not; null otherwise
	 * @param feedback the patient's rating of the reply, or null
	 */
	record TranscriptTurn(String replyId, String question, String reply, String intent, JsonNode citations,
			JsonNode actions, Double confidence, Instant time, String author, Delivery delivery, Feedback feedback) {

		record Delivery(String status, String detail) {
		}

		record Feedback(String rating, String comment, Instant at) {
		}

	}

}
