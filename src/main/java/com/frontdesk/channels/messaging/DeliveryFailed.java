package com.frontdesk.channels.messaging;

/** A reply could not be sent, after the retries it was allowed. */
class DeliveryFailed extends RuntimeException {

	DeliveryFailed(String summary) {
		super(summary);
	}

}
