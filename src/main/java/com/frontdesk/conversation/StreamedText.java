package com.frontdesk.conversation;

/** Passes reply pieces on to a listener and remembers what the listener has heard so far. */
final class StreamedText implements ReplyListener {

	private final ReplyListener listener;

	private final StringBuilder heard = new StringBuilder();

	StreamedText(ReplyListener listener) {
		this.listener = listener;
	}

	@Override
	public void token(String text) {
		if (!text.isEmpty()) {
			heard.append(text);
			listener.token(text);
		}
	}

	/**
	 * Sends whatever of the final reply the listener has not heard yet, when what it heard is the reply's start
	 * (white space at the end of what was heard aside). When the reply replaced what was heard (a safer reply instead
	 * of a model's draft), the listener is told to start again and hears the whole reply, so that nothing it heard
	 * before comes ahead of it.
	 */
	void finish(String reply) {
		String sent = heard.toString().stripTrailing();
		if (!reply.startsWith(sent)) {
			heard.setLength(0);
			listener.restart();
			token(reply);
		}
		else if (reply.length() > sent.length()) {
			token(reply.substring(sent.length()));
		}
	}

}
