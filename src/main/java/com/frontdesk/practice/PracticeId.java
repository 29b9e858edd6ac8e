package com.frontdesk.practice;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which practice something belongs to: a short lower-case name such as {@code default} or {@code northside}, the
 * same in settings, the widget's {@code data-practice}, per-practice webhook paths and the database's
 * {@code practice_id} column.
 *
 * @param value 1 to 40 characters: lower-case letters, digits and inner hyphens
 */
public record PracticeId(String value) {

	private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

	/** The practice of a single-practice installation, and of everything stored before there were several. */
	public static final PracticeId DEFAULT = new PracticeId("default");

	public PracticeId {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new InvalidPracticeId();
		}
	}

	/** Reads an id as a patient's browser or a staff member may send it (case does not matter). */
	public static PracticeId parse(String text) {
		if (text == null) {
			throw new InvalidPracticeId();
		}
		return new PracticeId(text.strip().toLowerCase(Locale.ROOT));
	}

	public boolean isDefault() {
		return equals(DEFAULT);
	}

	@Override
	public String toString() {
		return value;
	}

}
