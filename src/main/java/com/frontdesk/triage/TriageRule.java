package com.frontdesk.triage;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One named pattern of the triage rules.
 *
 * @param needsMedicine the pattern can only match a message that names a medicine, so it is not tried on others
 * @param cues text every match of the pattern contains one of (empty: none known): the pattern is not tried on a
 * message without any of them
 */
record TriageRule(String name, TriageOutcome outcome, Pattern pattern, boolean needsMedicine, List<String> cues) {

	static TriageRule of(String name, TriageOutcome outcome, String regex) {
		return new TriageRule(name, outcome, Pattern.compile(regex), false, List.of());
	}

	/** A rule whose every alternative names a medicine. */
	static TriageRule ofMedicine(String name, TriageOutcome outcome, String regex) {
		return new TriageRule(name, outcome, Pattern.compile(regex), true, List.of());
	}

	/** The same rule, tried only on a message that contains one of these cues (each alternative needs one). */
	TriageRule onlyWith(String... required) {
		return new TriageRule(name, outcome, pattern, needsMedicine, List.of(required));
	}

	/**
	 * @param namesMedicine whether the message names a medicine
	 */
	boolean matches(String normalized, boolean namesMedicine) {
		return (namesMedicine || !needsMedicine) && hasCue(normalized) && pattern.matcher(normalized).find();
	}

	private boolean hasCue(String normalized) {
		if (cues.isEmpty()) {
			return true;
		}
		for (String cue : cues) {
			if (normalized.contains(cue)) {
				return true;
			}
		}
		return false;
	}

}
