package com.frontdesk.notifications;

import com.frontdesk.notifications.NoticeStore.StoredNotice;
import com.frontdesk.practice.PracticeId;

/** Somewhere notices to the practice are delivered: its webhook, its inbox. */
interface NoticeTarget {

	/** The target's name as stored with each delivery ({@code webhook}, {@code email}). */
	String name();

	/** True when the practice's notices go to this kind of target (its own, or the deployment's). */
	boolean configured(PracticeId practice);

	/**
	 * Delivers one notice; called again with the same notice after a failure.
	 * @throws NoticeNotDelivered when it was not delivered (the reason names no patient data)
	 */
	void deliver(StoredNotice notice);

}
