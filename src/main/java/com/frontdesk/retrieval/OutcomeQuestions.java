package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * A question asking what the operation will do for the patient's symptoms ("will it help my leg pain?", "will this
 * make my back steadier?", "¿me va a quitar el dolor?") asks about its goals, even without a goal word: it is looked up
 * with the goals named, so the passage that says what the surgery is meant to achieve comes first. (Whether the
 * patient is a candidate is asked as "could / would it work for me": not an outcome question.)
 */
final class OutcomeQuestions {

	/** The word the goal phrasings of {@code synonyms.txt} become, as it is indexed. */
	static final String GOALS = "goal";

	private static final String SUBJECT = "(?:it|this|that|(?:the|this) (?:surgery|operation|op|procedure|fusion"
			+ "|lateral fusion)|(?:lateral )?fusion|xlif)";

	private static final String EFFECT = "(?:help|ease|reduce|relieve|lessen|fix|stop|cure|improve|take away|get rid of"
			+ "|make(?=.*\\b(?:better|steadier|steady|stable|stronger|less|more|easier)\\b)"
			+ "|do (?:anything|something|much) (?:for|about))";

	/** "will it help", "does this surgery ease", "is the op going to fix", followed by what it acts on. */
	private static final Pattern ENGLISH = Pattern.compile("(?iuU)\\b(?:(?:will|does) " + SUBJECT + "|(?:is|are) "
			+ SUBJECT + " going to|" + SUBJECT + " (?:will|is going to|gonna))\\s+(?:really |actually |also )?" + EFFECT
			+ "\\b(?<object>.*)");

	/** "¿me va a ayudar con el dolor?", "¿me quitará el dolor de la pierna?" */
	private static final Pattern SPANISH = Pattern.compile("(?iuU)(?:\\b(?:me|le|nos)\\s+)?(?:\\bvan? a "
			+ "(?:ayudar|quitar|aliviar|reducir|mejorar|estabilizar)|\\b(?:ayudará|quitará|aliviará|reducirá|mejorará"
			+ "|estabilizará))\\b(?<object>.*)");

	/** What a symptom the surgery is meant to act on is called: pain, an unsteady spine. */
	private static final Pattern SYMPTOM = Pattern.compile("(?iuU)\\b(?:pain|pains|ache|aches|aching|hurt|hurts|hurting"
			+ "|sciatica|wobbly|unstable|instability|stable|steady|steadier|stronger|symptoms?|numb|numbness|tingling"
			+ "|legs?|back|spine|dolor|dolores|pierna|piernas|espalda|columna|estable|ciática)\\b");

	private OutcomeQuestions() {
	}

	/** Whether the question asks what the operation will do for a symptom. */
	static boolean asks(String question) {
		return asks(ENGLISH, question) || asks(SPANISH, question);
	}

	private static boolean asks(Pattern pattern, String question) {
		var matcher = pattern.matcher(question);
		return matcher.find() && SYMPTOM.matcher(matcher.group("object")).find();
	}

	/**
	 * The question to look up: an outcome question with the goals named, when the content has a passage that names
	 * them (a word no passage holds would only lower how much of the question the passages cover).
	 * @param asked the patient's own words (a Spanish question is looked up in the content's words)
	 */
	static String lookup(String question, String asked, IndexReader reader) throws IOException {
		if (!asks(asked) || reader.docFreq(new Term(IndexFields.ALL, GOALS)) == 0) {
			return question;
		}
		return question + " (" + GOALS + ")";
	}

}
