package com.frontdesk.channels.web;

/** A chat request body that is JSON but not the expected shape. */
class InvalidChatRequest extends RuntimeException {

	InvalidChatRequest(String message) {
		super(message);
	}

}
