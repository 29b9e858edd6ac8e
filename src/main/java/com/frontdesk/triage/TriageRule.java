package com.frontdesk.triage;

import java.util.regex.Pattern;

/** One named pattern of the triage rules. */
record TriageRule(String name, TriageOutcome outcome, Pattern pattern) {

	static TriageRule of(String name, TriageOutcome outcome, String regex) {
		return new TriageRule(name, outcome, Pattern.compile(regex));
	}

	boolean matches(String normalized) {
		return pattern.matcher(normalized).find();
	}

}
