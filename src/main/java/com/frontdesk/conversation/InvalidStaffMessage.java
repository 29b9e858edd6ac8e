package com.frontdesk.conversation;

/** A staff message that is empty or longer than the limit. */
public class InvalidStaffMessage extends RuntimeException {

	InvalidStaffMessage(int limit) {
		super("\"text\" must contain some text, at most " + limit + " characters");
	}

}
