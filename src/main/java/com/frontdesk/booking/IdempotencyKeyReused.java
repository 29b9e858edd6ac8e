package com.frontdesk.booking;

/** An idempotency key sent again with a different request (another name, phone or conversation). */
public class IdempotencyKeyReused extends RuntimeException {

	IdempotencyKeyReused() {
		super("This Idempotency-Key was used for a different request");
	}

}
