package com.frontdesk.knowledge;

import java.util.List;

/**
 * One retrievable piece of the practice's content: the text under one heading of one document.
 *
 * @param id stable id: the file's path relative to the knowledge folder and the passage's position
 * @param title the document's title
 * @param section the heading path inside the document, e.g. "How it works > The implant"; empty for the intro
 * @param text the passage text (plain, without Markdown markup)
 * @param url where the patient can read the source
 * @param procedure the procedure the document is about, if any
 * @param tags keywords from the front matter
 * @param language the language the document is written in ({@code lang:} in the front matter): {@value #ENGLISH}
 * (the default) or {@value #SPANISH}
 */
public record Passage(String id, String title, String section, String text, String url, String procedure,
		List<String> tags, String language) {

	/** Between the headings of a section path. */
	public static final String SECTION_SEPARATOR = " > ";

	public static final String ENGLISH = "en";

	public static final String SPANISH = "es";

	public Passage {
		tags = List.copyOf(tags);
		language = language == null || language.isBlank() ? ENGLISH : language;
	}

	/** Whether the document is written in Spanish ({@code lang: es}). */
	public boolean spanish() {
		return SPANISH.equals(language);
	}

	/** The document this passage comes from: the file's path relative to the knowledge folder (the id without its position). */
	public String document() {
		int hash = id.lastIndexOf('#');
		return hash < 0 ? id : id.substring(0, hash);
	}

	/** The section this passage's section is part of ("How it works" of "How it works > The implant"); "" at the top. */
	public String parentSection() {
		int last = section.lastIndexOf(SECTION_SEPARATOR);
		return last < 0 ? "" : section.substring(0, last);
	}

	/** The last heading of the section path ("The implant" of "How it works > The implant"). */
	public String heading() {
		int last = section.lastIndexOf(SECTION_SEPARATOR);
		return last < 0 ? section : section.substring(last + SECTION_SEPARATOR.length());
	}

}
