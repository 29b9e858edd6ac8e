package com.frontdesk.channels.messaging;

import java.util.Locale;

/** Where a stored inbound message is: waiting, being processed, or done (and how). */
enum MessageStatus {

	/** Stored and acknowledged, not processed yet (also after a crash or restart). */
	PENDING,
	/** Claimed by a processing thread. */
	PROCESSING,
	/** A reply was sent. */
	ANSWERED,
	/** Deliberately not answered (opted out of SMS, or an opt-out keyword). */
	IGNORED,
	/** Not answered because the platform's reply window had closed. */
	EXPIRED,
	/** The reply could not be made or sent; {@code detail} says why. */
	FAILED;

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
