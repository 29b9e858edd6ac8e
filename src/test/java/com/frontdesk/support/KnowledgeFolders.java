package com.frontdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Knowledge folders for a second practice in tests: real Markdown files in a fresh temporary folder. */
public final class KnowledgeFolders {

	/** The second practice's page used across the tests: one section about parking at Northside. */
	public static final String NORTHSIDE_PARKING = """
			# Visiting Northside Spine Center

			## Parking
			Patients park free of charge in the garage behind the clinic on North Road.
			""";

	private KnowledgeFolders() {
	}

	/** A new folder holding {@code visits.md} with the given Markdown; returns its path as a setting value. */
	public static String withPage(String markdown) {
		try {
			Path folder = Files.createTempDirectory("practice-knowledge");
			Files.writeString(folder.resolve("visits.md"), markdown);
			return folder.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Northside's folder. */
	public static String northside() {
		return withPage(NORTHSIDE_PARKING);
	}

}
