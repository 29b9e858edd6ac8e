package com.frontdesk.channels.messaging;

/** A webhook request whose signature or secret does not match (or cannot be checked): 403, nothing stored. */
public class BadWebhookSignature extends RuntimeException {

	public BadWebhookSignature(String channel) {
		super("The " + channel + " webhook signature does not match");
	}

}
