package com.frontdesk.conversation;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.frontdesk.retrieval.ResourceLines;

/**
 * The words by which a patient tells what they feel about the surgery or the pain ({@code conversation/feelings-words.txt},
 * English and Spanish). A message that tells one and asks nothing is feelings: its other words say what the feeling is
 * about, not what the patient wants to know.
 */
final class FeelingWords {

	static final String FILE = "conversation/feelings-words.txt";

	/** A feeling word, not just after "not" or "no" ("not worried at all"). */
	private static final Pattern TOLD = Pattern.compile("(?iuU)(?<!\\bnot )(?<!\\bno )(?<!n't )\\b(?:"
			+ ResourceLines.of(FILE).stream().map(String::strip).map(Pattern::quote).collect(Collectors.joining("|"))
			+ ")\\b");

	private FeelingWords() {
	}

	/** Whether the message tells a feeling and asks nothing (no question mark, no sentence opening as a question). */
	static boolean tellsWithoutAsking(String message) {
		return !KnowledgeReplies.asksSomething(message) && TOLD.matcher(message).find();
	}

}
