package com.frontdesk.insights;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A patient's verdict on a reply: thumbs up or thumbs down. The values are part of the public API. */
enum Rating {

	UP, DOWN;

	@JsonValue
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Rating> of(String value) {
		for (Rating rating : values()) {
			if (rating.value().equals(value)) {
				return Optional.of(rating);
			}
		}
		return Optional.empty();
	}

}
