package com.frontdesk.conversation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.frontdesk.booking.BookingErasure;
import com.frontdesk.practice.PracticeId;

/**
 * Deletes everything Frontdesk keeps of one conversation, at the patient's request, each module from its own tables:
 * the conversation's callback requests (booking), the modules listening to {@link ConversationErased} (feedback, the
 * practice's notices about it, a messaging sender's messages and link), then its turns and itself.
 */
@Service
public class ConversationErasure {

	private final JdbcClient jdbc;

	private final BookingErasure booking;

	private final ApplicationEventPublisher events;

	ConversationErasure(JdbcClient jdbc, BookingErasure booking, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.booking = booking;
		this.events = events;
	}

	/**
	 * Erases one of the practice's conversations in one transaction; false when the practice has no such conversation
	 * (another practice's is left alone).
	 */
	@Transactional
	public boolean erase(PracticeId practice, String conversationId) {
		boolean exists = jdbc.sql("select count(*) from conversation where id = ? and practice_id = ?")
			.params(conversationId, practice.value())
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			return false;
		}
		events.publishEvent(new ConversationErased(conversationId));
		booking.eraseConversation(conversationId);
		jdbc.sql("delete from turn where conversation_id = ?").param(conversationId).update();
		jdbc.sql("delete from conversation where id = ?").param(conversationId).update();
		return true;
	}

}
