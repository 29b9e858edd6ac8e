package com.frontdesk.learning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a message as a learned classifier reads them: each word, each pair of neighbouring words, the
 * three- to five-letter pieces of each word (so that a misspelling shares many of its pieces with the word meant),
 * and the words that follow a negation closely, marked as negated. Each is hashed into one of {@link #DIMENSIONS}
 * slots; the same text always gives the same slots.
 */
public final class WordFeatures {

	public static final int BITS = 17;

	public static final int DIMENSIONS = 1 << BITS;

	/** Words after which the next few are read as negated (English and Spanish, accents removed). */
	private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "dont", "didnt", "doesnt",
			"isnt", "wasnt", "arent", "havent", "hasnt", "cant", "couldnt", "wont", "nor", "none", "nothing", "denies",
			"deny", "denied", "neither", "sin", "nunca", "tampoco", "ni", "nada", "ningun", "ninguna");

	private static final int NEGATION_SCOPE = 4;

	private WordFeatures() {
	}

	/** The slots of a message's features, each once, in ascending order. */
	public static int[] of(String message) {
		return of(words(normalize(message)));
	}

	/** A message in lower case, without accents, with one kind of apostrophe and single spaces. */
	public static String normalize(String message) {
		String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC)
			.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'').replace('`', '\'');
		text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	/** The slots of the features of a message's {@link #words}. */
	public static int[] of(List<String> words) {
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
						slots[n++] = mix(hash(PIECE, marked, start, start + size));
					}
				}
			}
		}
		slots[n++] = slot("bias", "");
		Arrays.sort(slots, 0, n);
		int distinct = 0;
		for (int i = 0; i < n; i++) {
			if (distinct == 0 || slots[i] != slots[distinct - 1]) {
				slots[distinct++] = slots[i];
			}
		}
		return Arrays.copyOf(slots, distinct);
	}

	private static int[] room(int[] slots, int needed) {
		return needed <= slots.length ? slots : Arrays.copyOf(slots, Math.max(needed, slots.length * 2));
	}

	private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

	/** Lower-case words without accents or apostrophes; a number is one word, {@code 0}. */
	public static List<String> words(String normalized) {
		List<String> words = new ArrayList<>();
		for (String word : NOT_WORD.split(normalized.replace("'", ""))) {
			if (!word.isEmpty()) {
				words.add(Character.isDigit(word.charAt(0)) ? "0" : word);
			}
		}
		return words;
	}

	/** The hash of a word piece's kind and its separator, where the piece's letters go on. */
	private static final int PIECE = "c:".hashCode();

	private static int slot(String kind, String text) {
		return mix((kind + ":" + text).hashCode());
	}

	/** {@code (prefix + text.substring(start, end)).hashCode()}, given the prefix's hash, without building it. */
	private static int hash(int prefix, String text, int start, int end) {
		int h = prefix;
		for (int i = start; i < end; i++) {
			h = 31 * h + text.charAt(i);
		}
		return h;
	}

	private static int mix(int hash) {
		int h = hash;
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h & (DIMENSIONS - 1);
	}

}
