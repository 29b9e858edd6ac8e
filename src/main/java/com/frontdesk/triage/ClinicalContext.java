package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the words around a red flag say about it, after NegEx and ConText (Chapman et al. 2001; Harkema et al. 2009):
 * negated ("no fever"), in the past ("20 years ago", "it went away"), hypothetical or a question about the
 * procedure ("what if I get a fever after?"), long-standing, accidental, or not a symptom at all ("confused about the
 * bill"). Each context phrase reaches only within its clause and stops at words such as "but" and "now". A
 * red flag no phrase reaches stays a red flag, and a negation in a clause that is unsure ("not sure if") does not
 * count: when in doubt, triage errs towards safety.
 */
final class ClinicalContext {

	/** How many words a negation reaches. */
	static final int NEGATION_REACH = 6;

	/** How many words "isn't", "don't" or "haven't" reach: the verb or adjective right after them. */
	static final int SHORT_NEGATION_REACH = 3;

	/** How many words back "it went away" reaches, within its sentence. */
	static final int RESOLUTION_REACH = 16;

	private final AnalyzedMessage message;

	private final Map<ContextKind, List<int[]>> phrases = new EnumMap<>(ContextKind.class);

	private final int[] segment;

	private final BitSet uncertainSegments = new BitSet();

	private final BitSet referringWords;

	ClinicalContext(AnalyzedMessage message, Map<ContextKind, WordGroup> words) {
		this.message = message;
		for (Map.Entry<ContextKind, WordGroup> entry : words.entrySet()) {
			phrases.put(entry.getKey(), runs(message.coverage(entry.getValue())));
		}
		for (ContextKind kind : List.of(ContextKind.NEGATION_BEFORE, ContextKind.NEGATION_SHORT, ContextKind.NEGATION_AFTER)) {
			phrases.get(kind).removeIf(this::insidePseudoNegation);
		}
		// "not joking", "I'm not kidding": a joke denied says the patient means it
		phrases.get(ContextKind.JOKING).removeIf(joke -> negationJustBefore(joke[0]));
		this.segment = new int[message.size()];
		BitSet endsReach = message.coverage(words.get(ContextKind.ENDS_REACH));
		int number = 0;
		for (int position = 0; position < message.size(); position++) {
			if (position > 0 && (message.clause(position) != message.clause(position - 1)
					|| endsReach.get(position) && !endsReach.get(position - 1))) {
				number++;
			}
			segment[position] = number;
		}
		for (int[] unsure : phrases.get(ContextKind.UNCERTAIN)) {
			uncertainSegments.set(segment[unsure[0]]);
		}
		this.referringWords = message.coverage(words.get(ContextKind.REFERS_TO_IT));
	}

	/**
	 * Whether a red flag whose words are at these positions is reported as present: nothing negates it, puts it in
	 * the past or makes it hypothetical, and it is not part of a phrase that means something else.
	 * @param notWhen further contexts in which this concept does not count (long-standing, accidental)
	 * @param ignored contexts this concept does not read (self-harm is not lowered by a hypothetical; a question about
	 * a report is asked in the words of a definition, "what does ... mean", which end a red flag's reading)
	 */
	boolean affirmed(BitSet members, Set<ContextKind> notWhen, Set<ContextKind> ignored) {
		if (overlaps(ContextKind.NOT_A_SYMPTOM, members)
				|| !ignored.contains(ContextKind.DEFINITION) && overlaps(ContextKind.DEFINITION, members)) {
			return false;
		}
		if (animals(members)) {
			return false;
		}
		boolean hypotheticals = !ignored.contains(ContextKind.HYPOTHETICAL);
		for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
			if (negated(m, members) || inSegment(ContextKind.PAST, m, members) || pastReferredBack(m, members)
					|| sinceLongAgo(m)
					|| hypotheticals && before(ContextKind.HYPOTHETICAL, m, members, Integer.MAX_VALUE)
					|| hypotheticals && after(ContextKind.HYPOTHETICAL_AFTER, m, members, Integer.MAX_VALUE)) {
				return false;
			}
			for (ContextKind kind : notWhen) {
				if (kind == ContextKind.YOUNG_CHILD) {
					if (youngChilds(members)) {
						return false;
					}
					continue;
				}
				if (inSegment(kind, m, members)
						&& !((kind == ContextKind.CHRONIC || kind == ContextKind.EXPLAINED) && inSegment(ContextKind.ACUTE, m, members))) {
					return false;
				}
			}
		}
		return !(someoneElses(members) && askedAboutAfterwards(members));
	}

	/**
	 * "a dropped foot since his stroke twenty years ago", "numb ever since 2015": "since" ends the reach of the words
	 * before it, but a time long past right after it dates what came before it in the clause.
	 */
	private boolean sinceLongAgo(int m) {
		for (int[] since : phrases.get(ContextKind.SINCE)) {
			int last = since[1] - 1;
			if (since[0] > m && segment[last] == segment[m] + 1 && message.clause(last) == message.clause(m)) {
				for (int[] past : phrases.get(ContextKind.PAST)) {
					if (past[0] >= since[1] && segment[past[0]] == segment[last]) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * "My grandfather had a stroke, that was years ago": a time in the past that refers back ("that was", "it was")
	 * reaches the whole sentence before it.
	 */
	private boolean pastReferredBack(int m, BitSet members) {
		for (int[] back : phrases.get(ContextKind.REFERS_BACK)) {
			if (back[0] > m && message.sentence(back[0]) == message.sentence(m) && !intersects(back, members)) {
				for (int[] past : phrases.get(ContextKind.PAST)) {
					if (past[0] >= back[1] && past[0] - back[1] <= 1 && message.sentence(past[0]) == message.sentence(m)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * "My brother had a foot drop after his surgery. How common is that?": someone else's red flag followed by a
	 * question about it in general is a question about the risk, not a report; unless its sentence says it is
	 * happening ("my dad is slurring his words, how common is that?").
	 */
	private boolean askedAboutAfterwards(BitSet members) {
		int last = members.length() - 1;
		for (int[] asks : phrases.get(ContextKind.ASKS_BACK)) {
			int distance = message.sentence(asks[0]) - message.sentence(last);
			if (asks[0] > last && distance >= 0 && distance <= 1 && !toldAsHappening(members, asks[0])) {
				return true;
			}
		}
		return false;
	}

	private boolean toldAsHappening(BitSet members, int before) {
		int sentence = message.sentence(members.nextSetBit(0));
		for (int[] recent : phrases.get(ContextKind.RECENT)) {
			if (recent[1] <= before && message.sentence(recent[0]) == sentence && !intersects(recent, members)) {
				return true;
			}
		}
		return false;
	}

	private boolean negated(int m, BitSet members) {
		if (unsureBefore(m)) {
			return false;
		}
		if (before(ContextKind.NEGATION_BEFORE, m, members, NEGATION_REACH)
				|| before(ContextKind.NEGATION_SHORT, m, members, SHORT_NEGATION_REACH)) {
			return true;
		}
		for (int[] phrase : phrases.get(ContextKind.NEGATION_AFTER)) {
			if (phrase[0] > m && phrase[0] - m <= RESOLUTION_REACH && message.sentence(phrase[0]) == message.sentence(m)
					&& !intersects(phrase, members) && !negationJustBefore(phrase[0])
					&& !uncertainSegments.get(segment[phrase[0]]) && aboutTheSame(m, phrase[0])) {
				return true;
			}
			if (takesWords(phrase, members) && !uncertainSegments.get(segment[phrase[0]])) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "my leg went numb, but it's gone now" is about the numbness; "my leg gave way, the pain is better" is about the
	 * pain: a resolution in a later clause reaches back only when that clause, up to it, names nothing new (its words
	 * are all of [refers-to-it]: "it", "that", "but", "now"...).
	 */
	private boolean aboutTheSame(int m, int resolution) {
		if (message.clause(resolution) == message.clause(m)) {
			return true;
		}
		int start = resolution;
		while (start > 0 && message.clause(start - 1) == message.clause(resolution)) {
			start--;
		}
		for (int p = start; p < resolution; p++) {
			if (!referringWords.get(p)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the patient says they are unsure before this word, in its part of the clause ("I'm not sure if I can feel
	 * my legs"): uncertainty reaches forward, as in ConText, so "no chest pain, just wondering if I can fly" stays
	 * negated.
	 */
	private boolean unsureBefore(int m) {
		for (int[] unsure : phrases.get(ContextKind.UNCERTAIN)) {
			if (unsure[0] <= m && segment[unsure[0]] == segment[m]) {
				return true;
			}
		}
		return false;
	}

	/** The context phrases found, by kind (for explaining a decision to whoever reviews the vocabulary). */
	String describe() {
		StringBuilder text = new StringBuilder();
		phrases.forEach((kind, found) -> found.forEach(p -> text.append(kind).append(' ').append(p[0]).append('-')
			.append(p[1]).append("; ")));
		return text.toString();
	}

	/**
	 * "my toddler just had an accident", "he's 18 months old": someone else's red flag, in a sentence that says they
	 * are a small child, for the concepts in which that is ordinary for a small child.
	 */
	private boolean youngChilds(BitSet members) {
		int sentence = message.sentence(members.nextSetBit(0));
		if (!someoneElses(members)) {
			return false;
		}
		for (int[] child : phrases.get(ContextKind.YOUNG_CHILD)) {
			if (message.sentence(child[0]) == sentence) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the red flag at these positions is someone else's: the nearest person named before it in its clause
	 * is someone other than the writer ("my son has a fever"), not the writer ("my husband has the flu, is it safe
	 * for me three weeks after surgery").
	 */
	boolean someoneElses(BitSet members) {
		int first = members.nextSetBit(0);
		int other = nearestBefore(ContextKind.OTHER_PERSON, first);
		return other >= 0 && other >= nearestBefore(ContextKind.SELF, first);
	}

	/**
	 * "my dog collapsed at the vet": the nearest one named before the red flag in its clause is an animal, and no
	 * person is named inside it ("the only thing stopping me is my dog, otherwise I'd be gone").
	 */
	private boolean animals(BitSet members) {
		int first = members.nextSetBit(0);
		int animal = nearestBefore(ContextKind.ANIMAL, first);
		if (animal < 0 || animal <= nearestBefore(ContextKind.SELF, first)
				|| animal <= nearestBefore(ContextKind.OTHER_PERSON, first)) {
			return false;
		}
		for (ContextKind person : List.of(ContextKind.SELF, ContextKind.OTHER_PERSON)) {
			for (int[] phrase : phrases.get(person)) {
				if (phrase[0] >= first && phrase[0] < members.length()) {
					return false;
				}
			}
		}
		return true;
	}

	/** The end of the last phrase of this kind before a position, in its clause; -1 for none. */
	private int nearestBefore(ContextKind kind, int position) {
		int nearest = -1;
		for (int[] phrase : phrases.get(kind)) {
			if (phrase[1] <= position && message.clause(phrase[0]) == message.clause(position)) {
				nearest = Math.max(nearest, phrase[1]);
			}
		}
		return nearest;
	}

	/** "hasn't gone away": a negation right before a phrase such as "gone away" turns it round. */
	private boolean negationJustBefore(int position) {
		for (ContextKind kind : java.util.List.of(ContextKind.NEGATION_BEFORE, ContextKind.NEGATION_SHORT)) {
			for (int[] phrase : phrases.get(kind)) {
				if (phrase[1] <= position && position - phrase[1] <= 1) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean before(ContextKind kind, int m, BitSet members, int reach) {
		for (int[] phrase : phrases.get(kind)) {
			if (phrase[1] <= m && m - phrase[1] < reach && segment[phrase[0]] == segment[m]
					&& (!intersects(phrase, members) || leads(phrase, members))
					&& !(kind == ContextKind.HYPOTHETICAL && insideUncertain(phrase))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "not having trouble peeing", "could I lose bladder control": a negation or hypothetical that shares its last
	 * words with the red flag's first ("having trouble", "lose") still reaches it when it starts before it; one that
	 * starts with it ("not able to pee") is part of the red flag.
	 */
	private static boolean leads(int[] phrase, BitSet members) {
		return phrase[0] < members.nextSetBit(0);
	}

	/**
	 * "not only", "I don't see the point of going on", "has gone weak": a negation phrase that shares a word with one
	 * of these negates nothing.
	 */
	private boolean insidePseudoNegation(int[] negation) {
		for (int[] pseudo : phrases.get(ContextKind.PSEUDO_NEGATION)) {
			if (pseudo[0] < negation[1] && negation[0] < pseudo[1]) {
				return true;
			}
		}
		return false;
	}

	/** "is it bad if my scar is draining?" asks about now: its "if" is not a hypothetical. */
	private boolean insideUncertain(int[] phrase) {
		for (int[] unsure : phrases.get(ContextKind.UNCERTAIN)) {
			if (unsure[0] <= phrase[0] && phrase[1] <= unsure[1]) {
				return true;
			}
		}
		return false;
	}

	private boolean after(ContextKind kind, int m, BitSet members, int reach) {
		for (int[] phrase : phrases.get(kind)) {
			if (phrase[0] > m && phrase[0] - m <= reach && segment[phrase[0]] == segment[m] && !intersects(phrase, members)) {
				return true;
			}
		}
		return false;
	}

	private boolean inSegment(ContextKind kind, int m, BitSet members) {
		for (int[] phrase : phrases.get(kind)) {
			if (segment[phrase[0]] == segment[m] && (!intersects(phrase, members)
					|| (kind == ContextKind.PAST || kind == ContextKind.CHRONIC) && describes(phrase, members))) {
				return true;
			}
		}
		return false;
	}

	private boolean overlaps(ContextKind kind, BitSet members) {
		for (int[] phrase : phrases.get(kind)) {
			if (intersects(phrase, members)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "so much better", "hace muchos años": a context phrase that shares a word with the red flag and goes on after it
	 * takes that word from the red flag ("much" is the resolution's, not the pain's severity; "muchos" the time's, not
	 * the bleeding's). One that ends with the shared word ("my vision has gone") does not.
	 */
	private static boolean takesWords(int[] phrase, BitSet members) {
		int next = members.nextSetBit(phrase[0]);
		if (next < 0 || next >= phrase[1]) {
			return false;
		}
		int lastShared = next;
		for (int p = next; p >= 0 && p < phrase[1]; p = members.nextSetBit(p + 1)) {
			lastShared = p;
		}
		return lastShared < phrase[1] - 1;
	}

	/**
	 * "a bad knee", "hace muchos años": a phrase of the past or of something long-standing that shares a word with the
	 * red flag and has words of its own says what that word is ("knee" is a knee that has long been bad). Not a cause:
	 * "when I cough" is part of coughing blood.
	 */
	private static boolean describes(int[] phrase, BitSet members) {
		BitSet shared = members.get(phrase[0], phrase[1]);
		return !shared.isEmpty() && shared.cardinality() < phrase[1] - phrase[0];
	}

	private static boolean intersects(int[] phrase, BitSet members) {
		int next = members.nextSetBit(phrase[0]);
		return next >= 0 && next < phrase[1];
	}

	/** The runs of consecutive covered positions, as {start, end (exclusive)}. */
	private static List<int[]> runs(BitSet covered) {
		List<int[]> runs = new ArrayList<>();
		for (int start = covered.nextSetBit(0); start >= 0; start = covered.nextSetBit(start)) {
			int end = covered.nextClearBit(start);
			runs.add(new int[] { start, end });
			start = end;
		}
		return runs;
	}

}
