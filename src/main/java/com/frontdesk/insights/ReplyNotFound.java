package com.frontdesk.insights;

/** Feedback named a reply that is not a reply of the conversation it named (or either is unknown). */
class ReplyNotFound extends RuntimeException {

	ReplyNotFound() {
		super("No such reply in this conversation");
	}

}
