package com.frontdesk.triage;

/** The kinds of context words of {@code triage/context.txt}. */
enum ContextKind {

	NEGATION_BEFORE, NEGATION_SHORT, NEGATION_AFTER, PSEUDO_NEGATION, PAST, HYPOTHETICAL, HYPOTHETICAL_AFTER, CHRONIC, ACUTE, ACCIDENTAL, JOKING, NOT_A_SYMPTOM,
	UNCERTAIN, OTHER_PERSON, SELF, REFERS_BACK, ASKS_BACK, RECENT, EXPLAINED, ENDS_REACH, SINCE, YOUNG_CHILD, DEFINITION, ANIMAL, REFERS_TO_IT,
	REPORTED;

	String fileName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	static ContextKind of(String fileName) {
		return valueOf(fileName.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
	}

}
