package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The words of a message as the learned red-flag score reads them: each word, each pair of neighbouring words, the
 * three- to five-letter pieces of each word (so that a misspelling shares many of its pieces with the word meant),
 * and the words that follow a negation closely, marked as negated. Each is hashed into one of {@link #DIMENSIONS}
 * slots; the same text always gives the same slots.
 */
final class MessageFeatures {

	static final int BITS = 17;

	static final int DIMENSIONS = 1 << BITS;

	/** Words after which the next few are read as negated (English and Spanish, accents removed). */
	private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "dont", "didnt", "doesnt",
			"isnt", "wasnt", "arent", "havent", "hasnt", "cant", "couldnt", "wont", "nor", "none", "nothing", "denies",
			"deny", "denied", "neither", "sin", "nunca", "tampoco", "ni", "nada", "ningun", "ninguna");

	private static final int NEGATION_SCOPE = 4;

	private MessageFeatures() {
	}

	/** The slots of a message's features, each once, in ascending order. */
	static int[] of(String message) {
		return of(words(Triage.normalize(message)));
	}

	/** The slots of the features of a message's {@link #words}. */
	static int[] of(List<String> words) {
		int[] slots = new int[words.size() * 12 + 1];
		int n = 0;
		int negatedUntil = -1;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			slots = room(slots, n + 12 + word.length() * 3);
			slots[n++] = slot("w", word);
			if (i + 1 < words.size()) {
				slots[n++] = slot("b", word + " " + words.get(i + 1));
			}
			if (i <= negatedUntil) {
				slots[n++] = slot("n", word);
			}
			if (NEGATIONS.contains(word)) {
				negatedUntil = i + NEGATION_SCOPE;
			}
			if (word.length() >= 3 && !Character.isDigit(word.charAt(0))) {
				String marked = "<" + word + ">";
				for (int size = 3; size <= 5; size++) {
					for (int start = 0; start + size <= marked.length(); start++) {
						slots[n++] = slot("c", marked.substring(start, start + size));
					}
				}
			}
		}
		slots[n++] = slot("bias", "");
		int[] sorted = Arrays.copyOf(slots, n);
		Arrays.sort(sorted);
		return Arrays.stream(sorted).distinct().toArray();
	}

	private static int[] room(int[] slots, int needed) {
		return needed <= slots.length ? slots : Arrays.copyOf(slots, Math.max(needed, slots.length * 2));
	}

	/** Lower-case words without accents or apostrophes; a number is one word, {@code 0}. */
	static List<String> words(String normalized) {
		List<String> words = new ArrayList<>();
		for (String word : normalized.replace("'", "").split("[^a-z0-9]+")) {
			if (!word.isEmpty()) {
				words.add(Character.isDigit(word.charAt(0)) ? "0" : word);
			}
		}
		return words;
	}

	private static int slot(String kind, String text) {
		int h = (kind + ":" + text).hashCode();
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h & (DIMENSIONS - 1);
	}

}
