package com.frontdesk.channels.messaging;

/** How processing a message ended, stored with it. */
record Outcome(MessageStatus status, String detail) {

	static Outcome answered(int parts) {
		return new Outcome(MessageStatus.ANSWERED, parts + (parts == 1 ? " message sent" : " messages sent"));
	}

	static Outcome ignored(String why) {
		return new Outcome(MessageStatus.IGNORED, why);
	}

	static Outcome expired() {
		return new Outcome(MessageStatus.EXPIRED, "outside the platform's reply window");
	}

	/** Not answered here: a stop handed the message back before its reply started. */
	static Outcome handedBack() {
		return new Outcome(MessageStatus.PENDING, "handed back at shutdown");
	}

	static Outcome failed(String why) {
		return new Outcome(MessageStatus.FAILED, why.length() > 200 ? why.substring(0, 200) : why);
	}

}
