package com.frontdesk.answering.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the output guard lets an answer say because the passages say it ({@link OutputGuard#groundedIn}), remembered
 * per passage text: the passages only change when the knowledge is re-indexed, so their numbers and restricted words
 * are found once instead of on every turn. Keyed by the text itself, so an edited passage is simply a new entry and
 * never answers with the old one's numbers. Only the practice's own content is kept (never patient text), and at
 * most {@value #MAX_TEXTS} texts: past that the memory starts again.
 */
final class Groundings {

	static final int MAX_TEXTS = 4_096;

	private final Map<String, Set<String>> byText = new ConcurrentHashMap<>();

	/** The union of what each text grounds; the same as {@code OutputGuard.groundedIn(texts)}. */
	Set<String> of(List<String> texts) {
		Set<String> grounded = new HashSet<>();
		for (String text : texts) {
			grounded.addAll(of(text));
		}
		return grounded;
	}

	private Set<String> of(String text) {
		Set<String> known = byText.get(text);
		if (known != null) {
			return known;
		}
		if (byText.size() >= MAX_TEXTS) {
			byText.clear();
		}
		Set<String> grounded = Set.copyOf(OutputGuard.groundedIn(List.of(text)));
		byText.put(text, grounded);
		return grounded;
	}

	int size() {
		return byText.size();
	}

}
