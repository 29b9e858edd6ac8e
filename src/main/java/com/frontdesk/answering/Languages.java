package com.frontdesk.answering;

import java.util.Locale;
import java.util.Set;

/**
 * A rough guess at a message's language from its common words: enough to decide whether it must be translated for
 * retrieval, and whether a reply Frontdesk writes itself should be in Spanish.
 */
public final class Languages {

	private static final Set<String> ENGLISH = Set.of("the", "a", "an", "is", "are", "do", "does", "what", "how",
			"will", "can", "i", "my", "it", "to", "of", "and", "for", "you", "be", "have", "this", "with", "after",
			"when", "who", "why", "where", "am", "me", "long", "much", "in", "on");

	private static final Set<String> SPANISH = Set.of("el", "la", "los", "las", "es", "qué", "que", "cómo", "como",
			"puedo", "tengo", "una", "un", "de", "del", "por", "para", "cuánto", "cuanto", "mi", "le", "les", "está",
			"cirugía", "cicatriz", "deja", "cuándo", "cuando", "dónde", "usted", "hay", "operación", "duele", "tiempo",
			"tarda", "recuperación", "espalda", "dolor", "puede", "con", "sin", "y", "o", "se", "hola", "holaa", "buenos",
			"buenas", "tardes", "noches", "gracias", "muchas", "mil", "adios", "chao", "hasta", "luego", "pueden",
			"llamarme", "llamenme", "prefiero", "hablar", "porfa", "perfecto", "eso", "ayuda", "mucho", "hora", "abren",
			"estan", "preocupa", "poder", "volver", "caminar", "bien", "da", "aceptan", "seguro", "necesito", "quedar",
			"van", "va", "quiero", "quisiera", "cita", "consulta", "llamar", "en", "al", "su", "sus", "muy", "pero",
			"tienen", "hacen", "sirve", "cuál", "cual", "quién", "quien", "ustedes", "nos", "estoy", "soy");

	private static final Set<String> OTHER = Set.of("est", "une", "des", "ist", "der", "die", "das", "und", "não",
			"você");

	private Languages() {
	}

	/** Whether the message looks English (or has too few words to tell). */
	public static boolean looksEnglish(String text) {
		Counts counts = count(text);
		return counts.spanish + counts.other <= counts.english;
	}

	/** Whether the message has none of the common words of any language it knows ("ok", "L4-L5?", a name). */
	public static boolean cannotTell(String text) {
		Counts counts = count(text);
		return counts.english + counts.spanish + counts.other == 0;
	}

	/** Whether the message looks Spanish: more of its words are common Spanish words than common English ones. */
	public static boolean looksSpanish(String text) {
		Counts counts = count(text);
		return counts.spanish > counts.english && counts.spanish >= counts.other;
	}

	private record Counts(int english, int spanish, int other) {
	}

	private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");

	/** Letters English words do not have and Spanish words often do. */
	private static final String SPANISH_LETTERS = "áéíóúñü";

	private static boolean hasSpanishLetter(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (SPANISH_LETTERS.indexOf(word.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Common words of each language; a word with a Spanish accent or ñ counts as Spanish, and so does each opening
	 * question or exclamation mark (¿, ¡).
	 */
	private static Counts count(String text) {
		int english = 0;
		int spanish = (int) text.chars().filter(c -> c == '\u00bf' || c == '\u00a1').count();
		int other = 0;
		for (String word : NOT_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
			boolean another = OTHER.contains(word);
			english += ENGLISH.contains(word) ? 1 : 0;
			spanish += SPANISH.contains(word) || !another && hasSpanishLetter(word) ? 1 : 0;
			other += another ? 1 : 0;
		}
		return new Counts(english, spanish, other);
	}

}
