package com.frontdesk.channels.messaging;

/**
 * What a channel decides about a message before the pipeline sees it (SMS keywords, for instance).
 *
 * @param action what to do
 * @param reply the reply to send for {@link Action#REPLY} and {@link Action#OPT_IN}, and for {@link Action#OPT_OUT}
 * the confirmation when the platform sends none itself (null when it does)
 */
public record Screening(Action action, String reply) {

	private static final Screening ANSWER = new Screening(Action.ANSWER, null);

	private static final Screening OPT_OUT = new Screening(Action.OPT_OUT, null);

	public enum Action {

		/** Answer through the turn pipeline. */
		ANSWER,
		/** Send this fixed reply instead. */
		REPLY,
		/** The sender wants no further messages: record it and send nothing more than its confirmation, if any. */
		OPT_OUT,
		/** The sender wants messages again: record it and send the confirmation. */
		OPT_IN

	}

	public static Screening answer() {
		return ANSWER;
	}

	public static Screening reply(String text) {
		return new Screening(Action.REPLY, text);
	}

	public static Screening optOut() {
		return OPT_OUT;
	}

	/** An opt-out the platform does not confirm itself: this confirmation is the last message the sender gets. */
	public static Screening optOut(String confirmation) {
		return new Screening(Action.OPT_OUT, confirmation);
	}

	public static Screening optIn(String confirmation) {
		return new Screening(Action.OPT_IN, confirmation);
	}

}
