package com.frontdesk.conversation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.frontdesk.retrieval.ResourceLines;

/**
 * Questions about money: what the procedure or a visit costs, or who pays ({@code conversation/cost-words.txt}). A
 * bare "how much?" after a question about the procedure is a cost question about that procedure, not a question
 * about the practice's contact details or the passage discussed before.
 */
final class CostQuestions {

	private static final Set<String> WORDS = Set.copyOf(ResourceLines.of("conversation/cost-words.txt"));

	private static final Pattern HOW_MUCH = Pattern.compile("\\bhow much\\b(.*)");

	/**
	 * Words that may follow "how much" in a question about the price ("how much is it", "how much would the surgery
	 * be"); any other word names what is measured ("how much blood", "how much pain").
	 */
	private static final Set<String> PRICE_WORDS = Set.of("is", "it", "its", "it's", "does", "do", "did", "will",
			"would", "could", "that", "this", "the", "a", "an", "be", "for", "me", "i", "to", "have", "get", "whole",
			"thing", "roughly", "about", "approximately", "approx", "total", "altogether", "in", "of", "then", "and", "so",
			"procedure", "surgery", "operation", "op", "consultation", "consult", "visit", "appointment", "one", "lateral",
			"fusion", "xlif", "there", "they", "you", "your", "we", "us", "usually", "typically", "cost", "costs",
			"charge", "run", "set", "back", "ballpark", "estimate");

	/** A cost word the content would have to contain, added to a bare "how much?" so that it counts as one. */
	static final String COST = "cost";

	private CostQuestions() {
	}

	/** Whether the message asks what something costs or who pays for it. */
	static boolean asks(String message) {
		String text = normalize(message);
		if (Arrays.stream(text.split("[^\\p{L}$'-]+")).anyMatch(WORDS::contains) || text.contains("$")) {
			return true;
		}
		Matcher howMuch = HOW_MUCH.matcher(text);
		return howMuch.find() && Arrays.stream(howMuch.group(1).split("[^\\p{L}']+"))
			.filter(word -> !word.isBlank())
			.allMatch(PRICE_WORDS::contains);
	}

	/** The message as a cost question: "how much?" becomes "how much? cost", a message naming a cost stays as it is. */
	static String asCostQuestion(String message) {
		String text = normalize(message);
		boolean named = Arrays.stream(text.split("[^\\p{L}$'-]+")).anyMatch(WORDS::contains);
		return named ? message : message + "\n" + COST;
	}

	private static String normalize(String message) {
		return Normalizer.normalize(message, Normalizer.Form.NFKC).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
	}

}
