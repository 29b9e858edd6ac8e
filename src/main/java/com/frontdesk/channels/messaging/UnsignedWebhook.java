package com.frontdesk.channels.messaging;

/** A webhook request without its authenticity header: 401, nothing stored. */
public class UnsignedWebhook extends RuntimeException {

	public UnsignedWebhook(String channel) {
		super("The " + channel + " webhook request carries no signature");
	}

}
