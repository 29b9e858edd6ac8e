package com.frontdesk.notifications;

import com.frontdesk.platform.RequestNotKept;

/**
 * A notice to the practice could not be written to the outbox (the database refused it or could not be reached), so
 * what it is about (a handoff, a callback request) is not kept either: the request's transaction rolls back, and the
 * patient is asked to send it again ({@link RequestNotKept}: a 503 problem with {@code Retry-After}). The message
 * names the kind of notice only.
 */
class NoticeNotStored extends RequestNotKept {

	NoticeNotStored(String type, Throwable cause) {
		super("The notice '" + type + "' to the practice could not be stored",
				"Your request could not be passed to the practice just now, and nothing was saved. Please send it "
						+ "again in a few seconds, or call the practice.",
				cause);
	}

}
