package com.frontdesk.booking;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a patient would like to be called back. The values are part of the public API. */
public enum PreferredTime {

	MORNING("Morning"), AFTERNOON("Afternoon"), EVENING("Evening"), ANY("Any time");

	private final String label;

	PreferredTime(String label) {
		this.label = label;
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How the choice reads to the patient and the practice: "Morning", "Any time". */
	public String label() {
		return label;
	}

	/** The exact API value ({@code morning}, {@code afternoon}, {@code evening}, {@code any}), any case. */
	public static Optional<PreferredTime> fromValue(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (PreferredTime time : values()) {
			if (time.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(time);
			}
		}
		return Optional.empty();
	}

}
