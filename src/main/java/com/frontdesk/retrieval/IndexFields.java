package com.frontdesk.retrieval;

/** Field names of the knowledge index. */
final class IndexFields {

	static final String ID = "id";

	static final String TITLE = "title";

	static final String SECTION = "section";

	static final String TEXT = "text";

	static final String KEYWORDS = "keywords";

	/** Title, section, text and keywords together, stemmed: rarity statistics and matched-term checks. */
	static final String ALL = "all";

	/** Title, section, text and keywords together as whole lower-case words: the vocabulary for typo correction. */
	static final String WORDS = "words";

	/** The passage's unit-length embedding (title, section path and text). */
	static final String VECTOR = "vector";

	/**
	 * A Spanish document's title, section, text and keywords together, analysed in Spanish (Lucene's
	 * {@code SpanishAnalyzer}): the Spanish counterpart of {@link #ALL}. A Spanish passage is in no English field and
	 * has no vector, so English questions never meet it.
	 */
	static final String ALL_SPANISH = "all.es";

	/** A Spanish document's section path, analysed in Spanish: the counterpart of {@link #SECTION}. */
	static final String SECTION_SPANISH = "section.es";

	/** The passage's language ({@code en}, {@code es}), stored. */
	static final String LANGUAGE = "lang";

	static final String URL = "url";

	static final String PROCEDURE = "procedure";

	static final String TAG = "tag";

	private IndexFields() {
	}

}
