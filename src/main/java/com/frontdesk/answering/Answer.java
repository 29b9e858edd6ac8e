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

	/** "Source: title – section" naming every cited passage. */
	public String sourceLine() {
		List<String> sources = citations.stream()
			.map(c -> c.section().isBlank() ? c.title() : c.title() + " – " + c.section())
			.distinct()
			.toList();
		return (sources.size() == 1 ? "Source: " : "Sources: ") + String.join("; ", sources);
	}

}
