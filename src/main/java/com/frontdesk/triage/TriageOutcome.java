package com.frontdesk.triage;

/** What triage decided about a message, before any retrieval or model sees it; the most urgent comes first. */
public enum TriageOutcome {

	/** Thoughts of self-harm: the crisis line and the emergency number. */
	SELF_HARM,

	/** Red-flag symptoms: call the emergency number or go to the emergency room now. */
	EMERGENCY,

	/** Personal medical advice (doses, medicines, diagnoses, test results): only the care team can answer. */
	NEEDS_CLINICIAN,

	/** An attempt to make the assistant ignore its instructions or reveal them. */
	MANIPULATION,

	/** Nothing found: the message may go on through the pipeline. */
	CLEAR;

	/** The outcome a concept file names: {@code emergency}, {@code self-harm} or {@code needs-clinician}. */
	static TriageOutcome of(String name) {
		return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
	}

}
