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

	static final String URL = "url";

	static final String PROCEDURE = "procedure";

	static final String TAG = "tag";

	private IndexFields() {
	}

}
