package com.frontdesk.triage;

import java.util.List;
import java.util.Set;

/**
 * One red flag (or personal-advice boundary) as a clinical concept: what it leads to, the advice a patient gets
 * first, the contexts in which a match does not count ({@code not-when}) or in which it still counts ({@code ignores}:
 * a plan of self-harm that depends on something is still a plan), and the word patterns that recognise it.
 */
record Concept(String id, TriageOutcome outcome, String advice, String adviceInSpanish, Set<ContextKind> notWhen,
		Set<ContextKind> ignores, List<Vocabulary.Match> matches) {

	/** The concept of thoughts of self-harm, suicide and intentional overdose. */
	static final String SELF_HARM = "self-harm";

	/** The advice in the patient's language: Spanish when the concept has it, English otherwise. */
	String advice(boolean spanish) {
		return spanish && !adviceInSpanish.isEmpty() ? adviceInSpanish : advice;
	}

}
