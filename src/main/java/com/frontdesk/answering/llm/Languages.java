package com.frontdesk.answering.llm;

import java.util.Locale;
import java.util.Set;

/** A rough guess whether a message is English: enough to decide whether it must be translated for retrieval. */
final class Languages {

	private static final Set<String> ENGLISH = Set.of("the", "a", "an", "is", "are", "do", "does", "what", "how",
			"will", "can", "i", "my", "it", "to", "of", "and", "for", "you", "be", "have", "this", "with", "after",
			"when", "who", "why", "where", "am", "me", "long", "much", "in", "on");

	private static final Set<String> OTHER = Set.of("el", "la", "los", "las", "es", "qué", "que", "cómo", "como",
			"puedo", "tengo", "una", "un", "de", "del", "por", "para", "cuánto", "cuanto", "mi", "le", "les", "est",
			"une", "des", "ist", "der", "die", "das", "und", "não", "o", "você", "está", "cirugía", "cicatriz");

	private Languages() {
	}

	static boolean looksEnglish(String text) {
		int english = 0;
		int other = 0;
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (ENGLISH.contains(word)) {
				english++;
			}
			if (OTHER.contains(word)) {
				other++;
			}
		}
		return other <= english;
	}

}
