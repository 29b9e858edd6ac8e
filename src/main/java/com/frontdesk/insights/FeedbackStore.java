package com.frontdesk.insights;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.frontdesk.conversation.ConversationErased;

import com.frontdesk.practice.PracticeId;

/** Patients' ratings of replies: one per reply, the latest wins. */
@Repository
class FeedbackStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	FeedbackStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a rating of a reply, replacing an earlier one. Each statement commits on its own, so a racing insert
	 * can be retried as an update on PostgreSQL too.
	 * @param practice the practice the widget belongs to
	 * @throws ReplyNotFound when the reply is not a reply of that conversation of that practice (or was deleted
	 * meanwhile)
	 */
	void rate(PracticeId practice, FeedbackRequest feedback) {
		boolean known = jdbc.sql("select count(*) from turn where id = ? and conversation_id = ? and practice_id = ?")
			.params(feedback.replyId(), feedback.conversationId(), practice.value())
			.query(Integer.class)
			.single() > 0;
		if (!known) {
			throw new ReplyNotFound();
		}
		if (update(feedback) > 0) {
			return;
		}
		try {
			jdbc.sql("""
					insert into reply_feedback (turn_id, conversation_id, rating, comment, rated_at, practice_id)
					values (?, ?, ?, ?, ?, ?)""")
				.params(feedback.replyId(), feedback.conversationId(), feedback.rating().value(), feedback.comment(), now(),
						practice.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			update(feedback); // rated twice at the same moment: the later write wins
		}
		catch (DataIntegrityViolationException ex) {
			throw new ReplyNotFound(); // the conversation was deleted in between
		}
	}

	private int update(FeedbackRequest feedback) {
		return jdbc.sql("update reply_feedback set rating = ?, comment = ?, rated_at = ? where turn_id = ?")
			.params(feedback.rating().value(), feedback.comment(), now(), feedback.replyId())
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** The ratings of a conversation erased at the patient's request go with it. */
	@EventListener
	void erased(ConversationErased erased) {
		jdbc.sql("delete from reply_feedback where conversation_id = ?").param(erased.conversationId()).update();
	}

}
