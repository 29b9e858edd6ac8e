package com.frontdesk.retrieval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.frontdesk.knowledge.Passage;

/**
 * "So what exactly is this side surgery?", "I'm curious what it actually is": a question asking what the procedure a
 * document is about is. Its answer is the passage that defines it, the one whose heading asks what it is ("What is
 * minimally invasive lateral fusion?"), even when the question's other words ("side") match another passage's heading
 * better. A question asking what one part of it is ("what are pedicle screws?", "what is the implant made of?") is
 * not one: its subject has words of its own.
 */
final class DefinitionQuestions {

	/** What is asked to be defined: the words after "what (exactly) is", or before "actually is" / "meaning". */
	private static final Pattern SUBJECT = Pattern.compile("(?iu)\\bwhat(?:'s|s)?\\s+(?:(?:exactly|actually|really|precisely)\\s+)?(?:is|are)?\\s*([^?.!,;]*)"
			+ "|\\bwhat\\s+([^?.!,;]*?)\\s+(?:(?:exactly|actually|really)\\s+)?(?:is|are)\\s*[?.!]*\\s*$"
			+ "|^\\W*([^?.!,;]*?)\\s+meaning\\b");

	/** A heading that asks what something is. */
	private static final Pattern DEFINING_HEADING = Pattern.compile("(?iu)^\\s*what\\s+(?:is|are)\\b");

	/** Words that name a procedure without naming which: "this side surgery for the spine". */
	private static final Set<String> GENERIC = Set.of("surgery", "surgeri", "procedur", "procedure", "oper", "operation",
			"techniqu", "spine", "spinal", "side", "thing", "one", "kind", "type", "sort", "treatment");

	/** Words that point back at the procedure: "what it actually is", "this surgery". */
	private static final Pattern POINTING = Pattern.compile("(?iu)^\\s*(?:it|this|that|they|the|a|an|this\\s+\\w+|that\\s+\\w+)\\b");

	private final TextAnalysis analysis;

	DefinitionQuestions(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	/**
	 * Whether the passage defines what the question asks to be defined: the question asks what the procedure of the
	 * passage's document is, and the passage's heading asks what it is.
	 * @param question in the content's words (after typo correction and synonyms)
	 */
	boolean defines(String question, Passage passage) {
		if (!DEFINING_HEADING.matcher(passage.heading()).find()) {
			return false;
		}
		Set<String> named = new HashSet<>(analysis.passageTerms(passage.title()));
		passage.tags().forEach(tag -> named.addAll(analysis.passageTerms(tag)));
		if (analysis.topicTerms(passage.heading()).stream().filter(named::contains).count() < 2) {
			return false;
		}
		Matcher subject = SUBJECT.matcher(question);
		if (!subject.find()) {
			return false;
		}
		String asked = subject.group(1) != null ? subject.group(1) : subject.group(2) != null ? subject.group(2)
				: subject.group(3);
		List<String> terms = analysis.topicTerms(asked);
		long own = terms.stream().filter(term -> !named.contains(term) && !GENERIC.contains(term)).count();
		if (own > 0) {
			return false;
		}
		long naming = terms.stream().filter(named::contains).count();
		if (naming >= 2) {
			return true;
		}
		// "what it actually is", "this side surgery": the procedure itself, named elsewhere in the message or not at all
		return POINTING.matcher(asked).find()
				&& (naming > 0 || analysis.topicTerms(question).stream().filter(named::contains).count() >= 2
						|| terms.stream().anyMatch(GENERIC::contains));
	}

}
