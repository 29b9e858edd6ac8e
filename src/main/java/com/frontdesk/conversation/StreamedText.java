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
	 * (white space at the end of what was heard aside). A reply that replaced what was heard is not sent again: the
	 * complete reply reaches the listener's channel separately.
	 */
	void finish(String reply) {
		String sent = heard.toString().stripTrailing();
		if (reply.startsWith(sent) && reply.length() > sent.length()) {
			token(sent.isEmpty() ? reply : reply.substring(sent.length()));
		}
	}

}
