package com.frontdesk.channels.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The SMS opt-out, opt-in and help keywords, as a whole message, in English and Spanish. Twilio and the carriers act
 * on the English opt-out words themselves (and confirm them); the Spanish ones ({@code PARAR}, {@code ALTO},
 * {@code AYUDA}...) are the usual words of Spanish-language programmes, which only Frontdesk acts on.
 */
enum SmsKeywords {

	STOP, START, HELP, NONE;

	/** A keyword and whether it was said in Spanish. */
	record Said(SmsKeywords keyword, boolean spanish) {
	}

	private static final Map<String, SmsKeywords> ENGLISH = Map.ofEntries(Map.entry("STOP", STOP),
			Map.entry("STOPALL", STOP), Map.entry("UNSUBSCRIBE", STOP), Map.entry("CANCEL", STOP), Map.entry("END", STOP),
			Map.entry("QUIT", STOP), Map.entry("OPTOUT", STOP), Map.entry("REVOKE", STOP), Map.entry("START", START),
			Map.entry("YES", START), Map.entry("UNSTOP", START), Map.entry("OPTIN", START), Map.entry("HELP", HELP),
			Map.entry("INFO", HELP));

	private static final Map<String, SmsKeywords> SPANISH = Map.of("PARAR", STOP, "PARE", STOP, "ALTO", STOP,
			"DETENER", STOP, "CANCELAR", STOP, "BAJA", STOP, "COMENZAR", START, "REANUDAR", START, "AYUDA", HELP);

	static Said of(String text) {
		String word = Normalizer.normalize(text.strip().replaceAll("[.!¡]+", ""), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT);
		if (ENGLISH.containsKey(word)) {
			return new Said(ENGLISH.get(word), false);
		}
		return SPANISH.containsKey(word) ? new Said(SPANISH.get(word), true) : new Said(NONE, false);
	}

}
