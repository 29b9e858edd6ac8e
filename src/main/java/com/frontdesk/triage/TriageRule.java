package com.frontdesk.triage;

import java.util.regex.Pattern;

/**
 * One named pattern of the triage rules.
 *
 * @param needsMedicine the pattern can only match a message that names a medicine, so it is not tried on others
 */
record TriageRule(String name, TriageOutcome outcome, Pattern pattern, boolean needsMedicine) {

	static TriageRule of(String name, TriageOutcome outcome, String regex) {
		return new TriageRule(name, outcome, Pattern.compile(regex), false);
	}

	/** A rule whose every alternative names a medicine. */
	static TriageRule ofMedicine(String name, TriageOutcome outcome, String regex) {
		return new TriageRule(name, outcome, Pattern.compile(regex), true);
	}

	/**
	 * @param namesMedicine whether the message names a medicine
	 */
	boolean matches(String normalized, boolean namesMedicine) {
		return (namesMedicine || !needsMedicine) && pattern.matcher(normalized).find();
	}

}
