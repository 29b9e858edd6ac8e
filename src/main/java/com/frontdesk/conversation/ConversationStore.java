package com.frontdesk.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;
import com.frontdesk.practice.PracticeId;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Conversations and their turns in the database (embedded H2 by default, PostgreSQL by configuration). */
@Repository
public class ConversationStore {

	private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ConversationStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The id for a new conversation; the conversation is stored by {@link #appendFirst} or {@link #create}. */
	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** Starts a new conversation of a practice without turns and returns its id. */
	public String create(PracticeId practice, String channel) {
		String id = newId();
		create(practice, id, channel, clock.instant());
		return id;
	}

	/** Stores a new conversation before its first turn (when something must refer to it during that turn). */
	public void create(PracticeId practice, String id, String channel, Instant started) {
		create(practice, id, channel, null, started);
	}

	/** The same, for a conversation started on a web page ({@code page}: origin and path, or null). */
	public void create(PracticeId practice, String id, String channel, String page, Instant started) {
		OffsetDateTime at = OffsetDateTime.ofInstant(started, ZoneOffset.UTC);
		insertConversation(practice, id, channel, page, at, at);
	}

	/**
	 * Stores a new conversation with its first turn, in one transaction, and returns the turn's id (the reply's id):
	 * a conversation is never stored without the message that started it.
	 * @param started when the patient's first message arrived
	 */
	@Transactional
	public long appendFirst(PracticeId practice, String id, String channel, Instant started, Turn turn,
			Double confidence) {
		return appendFirst(practice, id, channel, null, started, turn, confidence);
	}

	/** The same, for a conversation started on a web page ({@code page}: origin and path, or null). */
	@Transactional
	public long appendFirst(PracticeId practice, String id, String channel, String page, Instant started, Turn turn,
			Double confidence) {
		OffsetDateTime at = OffsetDateTime.ofInstant(turn.at(), ZoneOffset.UTC);
		insertConversation(practice, id, channel, page, OffsetDateTime.ofInstant(started, ZoneOffset.UTC), at);
		return insertTurn(id, turn, confidence, at);
	}

	private void insertConversation(PracticeId practice, String id, String channel, String page,
			OffsetDateTime created, OffsetDateTime updated) {
		jdbc.sql("""
				insert into conversation (id, practice_id, channel, page, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, practice.value(), channel, page, created, updated)
			.update();
	}

	/** The channel a conversation was started on, if the conversation exists. */
	public Optional<String> channelOf(String id) {
		return jdbc.sql("select channel from conversation where id = ?").param(id).query(String.class).optional();
	}

	/**
	 * Whether the conversation exists and is one of that practice's: another practice's conversation, whatever its id,
	 * is as unknown as one that never was.
	 */
	public boolean exists(PracticeId practice, String id) {
		return practiceOf(id).filter(practice::equals).isPresent();
	}

	/** The practice a conversation belongs to, if the conversation exists. */
	public Optional<PracticeId> practiceOf(String id) {
		return jdbc.sql("select practice_id from conversation where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(PracticeId::new);
	}

	/** How many turns the conversation has. */
	public int turnCount(String conversationId) {
		return jdbc.sql("select count(*) from turn where conversation_id = ?").param(conversationId).query(Integer.class)
			.single();
	}

	/** Stores a turn that did not draw on the knowledge and returns its id. */
	public long append(String conversationId, Turn turn) {
		return append(conversationId, turn, null);
	}

	/**
	 * Stores a turn and returns its id (the reply's id).
	 * @param confidence how sure retrieval was that the knowledge answers the question, or null when it was not asked
	 */
	@Transactional
	public long append(String conversationId, Turn turn, Double confidence) {
		OffsetDateTime at = OffsetDateTime.ofInstant(turn.at(), ZoneOffset.UTC);
		long id = insertTurn(conversationId, turn, confidence, at);
		jdbc.sql("update conversation set updated_at = ? where id = ?").params(at, conversationId).update();
		return id;
	}

	private long insertTurn(String conversationId, Turn turn, Double confidence, OffsetDateTime at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into turn (conversation_id, question, reply, intent, citations, actions, topic, confidence,
				                  created_at, author, practice_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select c.practice_id from conversation c where c.id = ?))""")
			.params(conversationId, turn.question(), turn.reply(), turn.intent().value(),
					json.writeValueAsString(turn.citations()), json.writeValueAsString(turn.actions()), turn.topic(),
					confidence, at, turn.author(), conversationId)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** The turns of a conversation, oldest first. */
	public List<Turn> turns(String conversationId) {
		return storedTurns(conversationId).stream().map(StoredTurn::turn).toList();
	}

	/** The turns of a conversation with their ids, oldest first. */
	public List<StoredTurn> storedTurns(String conversationId) {
		return jdbc.sql("""
				select id, question, reply, intent, citations, actions, topic, created_at, author
				from turn where conversation_id = ? order by id""")
			.param(conversationId)
			.query((row, rowNum) -> new StoredTurn(row.getLong("id"), turn(row, rowNum)))
			.list();
	}

	/** The last {@code count} turns of a conversation, oldest first, read without loading the whole conversation. */
	public List<Turn> recentTurns(String conversationId, int count) {
		List<Turn> newestFirst = jdbc.sql("""
				select question, reply, intent, citations, actions, topic, created_at, author
				from turn where conversation_id = ? order by id desc limit ?""")
			.params(conversationId, count)
			.query(this::turn)
			.list();
		return newestFirst.reversed();
	}

	/** Who answers the conversation now, if the conversation exists. */
	public Optional<Owner> ownerOf(String id) {
		return jdbc.sql("select owner from conversation where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(Owner::fromValue);
	}

	/**
	 * Moves the conversation to {@code to} only if its owner is one of {@code from}: one atomic update, so of several
	 * concurrent requests exactly one succeeds.
	 * @return whether this call changed the owner
	 */
	boolean changeOwner(String id, Owner to, Owner... from) {
		StringBuilder sql = new StringBuilder("update conversation set owner = ?, owner_changed_at = ? where id = ?");
		List<Object> params = new ArrayList<>(List.of(to.value(), now(), id));
		if (from.length > 0) {
			sql.append(" and owner in (").append(String.join(", ", Collections.nCopies(from.length, "?"))).append(')');
			for (Owner owner : from) {
				params.add(owner.value());
			}
		}
		return jdbc.sql(sql.toString()).params(params).update() == 1;
	}

	/** When the owner last changed (null if never). */
	Optional<Instant> ownerChangedAt(String id) {
		return jdbc.sql("select owner_changed_at from conversation where id = ?")
			.param(id)
			.query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap(at -> at);
	}

	/** The topic of the conversation's latest turn that had one, for resolving a follow-up question. */
	public Optional<String> latestTopic(String conversationId) {
		return jdbc.sql("""
				select topic from turn where conversation_id = ? and topic is not null
				order by id desc fetch first 1 rows only""")
			.param(conversationId)
			.query(String.class)
			.optional();
	}

	private Turn turn(ResultSet row, int rowNum) throws SQLException {
		Timestamp at = row.getTimestamp("created_at");
		return new Turn(row.getString("question"), row.getString("reply"), Intent.fromValue(row.getString("intent")),
				json.readValue(row.getString("citations"), CITATIONS), json.readValue(row.getString("actions"), ACTIONS),
				row.getString("topic"), at == null ? Instant.EPOCH : at.toInstant(), row.getString("author"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
