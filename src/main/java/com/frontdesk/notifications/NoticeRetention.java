package com.frontdesk.notifications;

import org.springframework.stereotype.Component;

import com.frontdesk.platform.Retention.Cutoffs;
import com.frontdesk.platform.Retention.Purged;
import com.frontdesk.platform.RetentionPurge;

/**
 * The outbox's part of the retention purge: the practice's copies of notices (names, phones) as old as the callback
 * requests purged, once delivered everywhere; a notice the practice has not received yet is kept until it has. They
 * are counted with the callback requests.
 */
@Component
class NoticeRetention implements RetentionPurge {

	private final NoticeStore store;

	NoticeRetention(NoticeStore store) {
		this.store = store;
	}

	@Override
	public Purged purge(Cutoffs cutoffs) {
		return new Purged(0, 0, 0, store.purgeDelivered(cutoffs.callbackRequests(),
				cutoffs.practices().condition("practice_id"), cutoffs.practices().parameters()));
	}

}
