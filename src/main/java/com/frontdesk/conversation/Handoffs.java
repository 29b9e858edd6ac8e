package com.frontdesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.frontdesk.answering.Languages;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Human handoff: who owns a conversation and how it moves between the assistant and the practice's staff. Every
 * change is one conditional update in the database, so it holds with concurrent messages and several instances:
 * "talk to a person" moves a conversation to {@code waiting_for_staff} exactly once, and publishes
 * {@link HandoffRequested} in the same transaction (the practice's notice is written by its listener, with the change
 * or not at all).
 */
@Service
public class Handoffs {

	static final int MAX_STAFF_MESSAGE_LENGTH = 2000;

	/** How many of the latest turns are read for the patient's language (staff messages are turns too). */
	private static final int RECENT_TURNS = 10;

	private final ConversationStore store;

	private final JdbcClient jdbc;

	private final Replies replies;

	private final ApplicationEventPublisher events;

	private final Practices practices;

	private final Clock clock;

	Handoffs(ConversationStore store, JdbcClient jdbc, Replies replies, ApplicationEventPublisher events,
			Practices practices, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.replies = replies;
		this.events = events;
		this.practices = practices;
		this.clock = clock;
	}

	/**
	 * The patient asked for a person.
	 * @return true when this request moved the conversation to {@code waiting_for_staff} (the practice is told),
	 * false when it was already waiting for or owned by staff
	 */
	@Transactional
	public boolean request(String conversationId) {
		boolean moved = store.changeOwner(conversationId, Owner.WAITING_FOR_STAFF, Owner.BOT, Owner.CLOSED);
		if (moved) {
			events.publishEvent(new HandoffRequested(practiceOf(conversationId), conversationId,
					channel(conversationId), clock.instant()));
		}
		return moved;
	}

	/** A patient writes to a conversation staff had closed: the assistant answers again. */
	void reopen(String conversationId) {
		store.changeOwner(conversationId, Owner.BOT, Owner.CLOSED);
	}

	/**
	 * A member of staff writes to the patient; the conversation is theirs from now on.
	 * @param practice the staff member's practice: another practice's conversation is not found
	 */
	@Transactional
	public void reply(PracticeId practice, String conversationId, String text) {
		String message = MessageText.clean(text);
		if (message.isEmpty() || message.length() > MAX_STAFF_MESSAGE_LENGTH) {
			throw new InvalidStaffMessage(MAX_STAFF_MESSAGE_LENGTH);
		}
		require(practice, conversationId);
		store.changeOwner(conversationId, Owner.STAFF);
		send(conversationId, message);
	}

	/** Staff hand the conversation back to the assistant. */
	@Transactional
	public void release(PracticeId practice, String conversationId) {
		require(practice, conversationId);
		if (store.changeOwner(conversationId, Owner.BOT, Owner.WAITING_FOR_STAFF, Owner.STAFF)) {
			send(conversationId, replies.releasedToAssistant(patient(practice, conversationId)));
		}
	}

	/** Staff close the conversation. */
	@Transactional
	public void close(PracticeId practice, String conversationId) {
		require(practice, conversationId);
		if (store.changeOwner(conversationId, Owner.CLOSED, Owner.BOT, Owner.WAITING_FOR_STAFF, Owner.STAFF)) {
			send(conversationId, replies.closedByStaff(patient(practice, conversationId)));
		}
	}

	/**
	 * The practice's patient, in the language of their latest message (of the last few turns): a notice to a patient
	 * who writes Spanish is in Spanish.
	 */
	private Audience patient(PracticeId practice, String conversationId) {
		boolean spanish = store.recentTurns(conversationId, RECENT_TURNS).stream()
			.map(Turn::question)
			.filter(question -> !question.isBlank())
			.reduce((earlier, later) -> later)
			.map(Languages::looksSpanish)
			.orElse(false);
		return new Audience(practices.get(practice), spanish);
	}

	private PracticeId practiceOf(String conversationId) {
		return store.practiceOf(conversationId).orElseThrow(ConversationNotFound::new);
	}

	/** A practice's conversations waiting for staff or owned by staff, longest waiting first. */
	public List<OpenHandoff> open(PracticeId practice) {
		return jdbc.sql("""
				select c.id, c.channel, c.owner,
				       coalesce((select max(t.created_at) from turn t where t.conversation_id = c.id
				                 and t.intent = 'handoff' and t.author = 'assistant'), c.owner_changed_at) as requested_at,
				       (select t.question from turn t where t.conversation_id = c.id and t.question <> ''
				        order by t.id desc fetch first 1 rows only) as last_message
				from conversation c where c.practice_id = ? and c.owner in ('waiting_for_staff', 'staff')
				order by requested_at, c.id""")
			.param(practice.value())
			.query((row, n) -> new OpenHandoff(row.getString("id"), row.getString("channel"),
					Owner.fromValue(row.getString("owner")), row.getTimestamp("requested_at") == null ? null
							: row.getTimestamp("requested_at").toInstant(),
					row.getString("last_message")))
			.list();
	}

	private void send(String conversationId, String text) {
		Instant now = clock.instant();
		long turnId = store.append(conversationId, new Turn("", text, Intent.HANDOFF, List.of(), List.of(), null, now, Turn.STAFF));
		events.publishEvent(new StaffMessage(conversationId, channel(conversationId), text, turnId));
	}

	private void require(PracticeId practice, String conversationId) {
		if (conversationId == null || conversationId.length() > 64 || !store.exists(practice, conversationId)) {
			throw new ConversationNotFound();
		}
	}

	private String channel(String conversationId) {
		return store.channelOf(conversationId).orElseThrow(ConversationNotFound::new);
	}

	/**
	 * A conversation the practice should look at.
	 *
	 * @param requestedAt when the patient asked for a person (the latest handoff notice the assistant gave); it does
	 * not move when staff reply. For a conversation staff took over without being asked: when they took it
	 * @param lastMessage the patient's latest message
	 */
	public record OpenHandoff(String conversationId, String channel, Owner owner, Instant requestedAt,
			String lastMessage) {
	}

}
