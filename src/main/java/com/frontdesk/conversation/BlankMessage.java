package com.frontdesk.conversation;

/** A message with no visible text. */
public class BlankMessage extends RuntimeException {

	BlankMessage() {
		super("The message is empty");
	}

}
