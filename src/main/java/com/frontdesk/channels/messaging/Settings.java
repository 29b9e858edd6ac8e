package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.List;

/** Checks that a channel's required settings are filled in. */
public final class Settings {

	private Settings() {
	}

	/**
	 * @param namesAndValues setting name, value, name, value...
	 * @return the names whose value is missing or blank
	 */
	public static List<String> missing(String... namesAndValues) {
		List<String> missing = new ArrayList<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
				missing.add(namesAndValues[i]);
			}
		}
		return missing;
	}

}
