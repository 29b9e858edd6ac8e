package com.frontdesk.answering.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line with which a model raises a turn to an emergency, read as loosely as models write it: {@code EMERGENCY}
 * at the start of a line, in any case and in any markdown ({@code **Emergency**}, {@code # EMERGENCY}), alone,
 * followed by a colon or dash and what it is about ({@code EMERGENCY: self-harm}), or followed by a few plain words
 * ({@code emergency chest pain}); the word in capitals ({@code EMERGENCY}) anywhere on a line counts too. A sentence
 * that merely starts with the word ("Emergency surgery is rarely needed [1].") is not a marker.
 */
final class EmergencyMarker {

	/** Markdown, list bullets, quotes and spaces before the marker. */
	private static final String LEAD = "^[^\\p{L}\\p{N}]*";

	private static final String WORD = "emergenc(?:y|ia)";

	private static final Pattern START = Pattern.compile("(?iu)" + LEAD + "emergenc");

	private static final Pattern ALONE = Pattern.compile("(?iu)" + LEAD + WORD + "[^\\p{L}\\p{N}]*$");

	private static final Pattern LABELLED = Pattern
		.compile("(?iu)" + LEAD + WORD + "[^\\p{L}\\p{N}:\\-–—]*(?::|[-–—]\\s)(?<about>.*)$");

	private static final Pattern FEW_WORDS = Pattern
		.compile("(?iu)" + LEAD + WORD + "\\s+(?<about>[\\p{L}\\s'’/-]{1,40}?)[^\\p{L}\\p{N}]*$");

	private static final Pattern CAPITALS = Pattern.compile("\\bEMERGENC(?:Y|IA)\\b(?<about>.*)$");

	private static final Pattern SELF_HARM = Pattern.compile("(?iu)\\bself[\\s-]*harm|\\bsuicid|\\bautoles"
			+ "|\\b(?:harm|hurt|kill)\\w*\\s+(?:my|your|him|her|them|one)sel");

	private EmergencyMarker() {
	}

	/**
	 * @param line one whole line of the model's answer
	 * @return what the line raises the turn to, when it is a marker
	 */
	static Optional<ModelAnswer.Emergency> in(String line) {
		String text = line.strip();
		if (ALONE.matcher(text).matches()) {
			return Optional.of(new ModelAnswer.Emergency(false));
		}
		for (Pattern marker : new Pattern[] { LABELLED, FEW_WORDS, CAPITALS }) {
			Matcher found = marker.matcher(text);
			if (found.find()) {
				return Optional.of(new ModelAnswer.Emergency(SELF_HARM.matcher(found.group("about")).find()));
			}
		}
		return Optional.empty();
	}

	/** Whether the line, of which only the start has arrived, may still turn out to be a marker. */
	static boolean mayStart(String start) {
		return START.matcher(start).find() || CAPITALS.matcher(start).find();
	}

}
