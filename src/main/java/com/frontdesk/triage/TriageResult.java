package com.frontdesk.triage;

/**
 * The triage decision and what made it.
 *
 * @param outcome what kind of message this is
 * @param rule the concept or rule that decided (for tests, metrics and staff; never the patient's words)
 * @param spanish the patient wrote in Spanish: replies Frontdesk writes itself should be in Spanish
 * @param advice for a red flag, the concept's advice in the patient's language, with {@code {emergency}},
 * {@code {crisis}}, {@code {practice}} and {@code {phone}} still to fill in; empty otherwise
 * @param redFlagMentioned a red flag was named but not reported as present (negated, in the past, hypothetical):
 * triage understood it, so the safety net does not second-guess it
 */
public record TriageResult(TriageOutcome outcome, String rule, boolean spanish, String advice,
		boolean redFlagMentioned) {

	static final TriageResult CLEAR = new TriageResult(TriageOutcome.CLEAR, "none", false, "", false);

	TriageResult(TriageOutcome outcome, String rule, boolean spanish) {
		this(outcome, rule, spanish, "", false);
	}

	public boolean clear() {
		return outcome == TriageOutcome.CLEAR;
	}

	/** A red flag or thoughts of self-harm: the reply is the emergency advice, before anything else. */
	public boolean urgent() {
		return outcome == TriageOutcome.EMERGENCY || outcome == TriageOutcome.SELF_HARM;
	}

}
