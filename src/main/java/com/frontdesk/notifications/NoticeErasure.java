package com.frontdesk.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.frontdesk.conversation.ConversationErased;

/**
 * A conversation erased at the patient's request takes the practice's notices about it (callback requests and
 * handoffs) with it, in the erasing transaction (a synchronous listener), so the erasure is all or nothing.
 */
@Component
class NoticeErasure {

	private final NoticeStore store;

	NoticeErasure(NoticeStore store) {
		this.store = store;
	}

	@EventListener
	void conversationErased(ConversationErased erased) {
		store.eraseConversation(erased.conversationId());
	}

}
