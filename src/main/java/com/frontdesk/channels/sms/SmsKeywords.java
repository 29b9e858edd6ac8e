package com.frontdesk.channels.sms;

import java.util.Locale;
import java.util.Set;

/** The SMS opt-out, opt-in and help keywords carriers and Twilio recognise, as a whole message. */
enum SmsKeywords {

	STOP, START, HELP, NONE;

	private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
			"OPTOUT", "REVOKE");

	private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP", "OPTIN");

	private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

	static SmsKeywords of(String text) {
		String word = text.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
		if (STOP_WORDS.contains(word)) {
			return STOP;
		}
		if (START_WORDS.contains(word)) {
			return START;
		}
		return HELP_WORDS.contains(word) ? HELP : NONE;
	}

}
