package com.frontdesk.notifications;

/** A notice could not be delivered this time; the message says why without patient data ("HTTP 503"). */
class NoticeNotDelivered extends RuntimeException {

	NoticeNotDelivered(String reason) {
		super(reason.length() > 200 ? reason.substring(0, 200) : reason);
	}

}
