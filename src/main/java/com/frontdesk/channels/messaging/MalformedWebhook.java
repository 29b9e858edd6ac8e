package com.frontdesk.channels.messaging;

/** An authentic webhook request whose body cannot be read (not JSON, not a form, no message id): 400. */
public class MalformedWebhook extends RuntimeException {

	public MalformedWebhook(String message) {
		super(message);
	}

}
