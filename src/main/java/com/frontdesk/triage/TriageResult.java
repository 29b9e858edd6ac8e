package com.frontdesk.triage;

/**
 * The triage decision and the rule that made it.
 *
 * @param outcome what kind of message this is
 * @param rule the name of the rule that matched (for tests and metrics; never the patient's words)
 */
public record TriageResult(TriageOutcome outcome, String rule) {

	static final TriageResult CLEAR = new TriageResult(TriageOutcome.CLEAR, "none");

	/** Whether the rule that matched is one of the Spanish ones: the reply should be in Spanish. */
	public boolean spanish() {
		return rule.startsWith("es-");
	}

	public boolean clear() {
		return outcome == TriageOutcome.CLEAR;
	}

}
