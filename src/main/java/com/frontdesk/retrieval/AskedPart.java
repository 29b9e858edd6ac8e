package com.frontdesk.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences of a message that ask something: "Hi there, hope your day is going well. My sister-in-law recommended
 * you. Could you explain what a lateral fusion is? Thanks so much!" asks only its third sentence. The others' words
 * (greetings, thanks, who sent the patient) are not on the page, and counted with the question they make it look
 * uncovered. A message of one sentence, or whose sentences all ask, or none, or with only a few words around its question, has
 * no part apart from itself.
 */
final class AskedPart {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

	/** A sentence that asks: a question mark, or an opening question word or request. */
	private static final Pattern ASKS = Pattern.compile("(?iu)\\?\\s*$|^\\W*(?:how|what|when|where|why|which|who|will|would"
			+ "|can|could|does|do|is|are|should|shall|please|tell me|explain|describe)\\b");

	/** Fewer words around the question are part of it ("how much? cost", a topic word added after it). */
	private static final int MIN_ASIDE = 4;

	private AskedPart() {
	}

	/**
	 * A clause after the question that only says when or where it applies: "what do they put in the gap <em>after the
	 * disc is out</em>", "what goes into the space <em>where the disc used to be</em>". What it names is not what is
	 * asked about.
	 */
	private static final Pattern CIRCUMSTANCE = Pattern.compile(
			"(?iu)(?<=\\w)\\s+(?:,\\s*)?((?:after|once|when|before|while|since)\\b[^?.!,]*|where\\b[^?.!,]*\\bused to\\b[^?.!,]*)"
					+ "(?=\\s*(?:[?.!]|$))");

	/** The words of the question's closing circumstance clause ("after the disc is out"), or "" when it has none. */
	static String circumstance(String question) {
		var matcher = CIRCUMSTANCE.matcher(question);
		while (matcher.find()) {
			String before = question.substring(0, matcher.start()).strip();
			if (before.split("\\s+").length >= 3) {
				return matcher.group(1);
			}
		}
		return "";
	}

	/** The asking sentences, in order; empty when they are the whole message (or there are none). */
	static String of(String message) {
		String[] sentences = SENTENCE_END.split(message.strip());
		if (sentences.length < 2) {
			return "";
		}
		List<String> asking = new ArrayList<>();
		int aside = 0;
		for (String sentence : sentences) {
			if (ASKS.matcher(sentence.strip()).find()) {
				asking.add(sentence.strip());
			}
			else {
				aside += sentence.strip().split("\\s+").length;
			}
		}
		return asking.isEmpty() || aside < MIN_ASIDE ? "" : String.join(" ", asking);
	}

}
