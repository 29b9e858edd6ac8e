package com.frontdesk.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits passage text into sentences (list items count as sentences). */
final class Sentences {

	private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\"(\\p{Lu}\\d])");

	private Sentences() {
	}

	static List<String> of(String text) {
		List<String> sentences = new ArrayList<>();
		for (String line : text.split("\\n+")) {
			for (String sentence : BOUNDARY.split(line.strip())) {
				if (!sentence.isBlank()) {
					sentences.add(sentence.strip());
				}
			}
		}
		return sentences;
	}

	/** Joins sentences into running text; list items stay on lines of their own. */
	static String join(List<String> sentences) {
		StringBuilder text = new StringBuilder();
		for (String sentence : sentences) {
			if (!text.isEmpty()) {
				text.append(sentence.startsWith("- ") ? '\n' : ' ');
			}
			text.append(sentence);
		}
		return text.toString();
	}

	static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

}
