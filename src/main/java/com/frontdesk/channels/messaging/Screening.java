package com.frontdesk.channels.messaging;

/**
 * What a channel decides about a message before the pipeline sees it (SMS keywords, for instance).
 *
 * @param action what to do
 * @param reply the reply to send for {@link Action#REPLY} and {@link Action#OPT_IN}
 */
public record Screening(Action action, String reply) {

	private static final Screening ANSWER = new Screening(Action.ANSWER, null);

	private static final Screening OPT_OUT = new Screening(Action.OPT_OUT, null);

	public enum Action {

		/** Answer through the turn pipeline. */
		ANSWER,
		/** Send this fixed reply instead. */
		REPLY,
		/** The sender wants no further messages: record it and send nothing. */
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

	public static Screening optIn(String confirmation) {
		return new Screening(Action.OPT_IN, confirmation);
	}

}
