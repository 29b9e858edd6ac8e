package com.frontdesk.answering;

import java.util.List;

/**
 * A composed answer and the passages it draws on.
 *
 * @param body the answer itself, quoted from the passages
 * @param citations the passages it quotes
 */
public record Answer(String body, List<Citation> citations) {

	public Answer {
		citations = List.copyOf(citations);
	}

	/**
	 * "Sources: [1] title – section; [2] ..." for answers that cite passages by number, with the label in the reply's
	 * language ({@link #sourceLine(String, String)}).
	 */
	public String numberedSourceLine(String one, String many) {
		StringBuilder line = new StringBuilder(citations.size() == 1 ? one : many).append(' ');
		for (int i = 0; i < citations.size(); i++) {
			Citation c = citations.get(i);
			line.append(i == 0 ? "" : "; ").append('[').append(i + 1).append("] ").append(c.title());
			if (!c.section().isBlank()) {
				line.append(" – ").append(c.section());
			}
		}
		return line.toString();
	}

	/** "Source: title – section" naming every cited passage. */
	public String sourceLine() {
		return sourceLine("Source:", "Sources:");
	}

	/**
	 * "Source: title – section" naming every cited passage, with the label in the reply's language.
	 * @param one the label before a single source ("Source:", "Fuente:")
	 * @param many the label before several ("Sources:", "Fuentes:")
	 */
	public String sourceLine(String one, String many) {
		List<String> sources = citations.stream()
			.map(c -> c.section().isBlank() ? c.title() : c.title() + " – " + c.section())
			.distinct()
			.toList();
		return (sources.size() == 1 ? one : many) + " " + String.join("; ", sources);
	}

}
