package com.frontdesk.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.answering.EmbeddedAnswerer;
import com.frontdesk.answering.llm.LlmAnswerer;
import com.frontdesk.answering.llm.ModelAnswer;
import com.frontdesk.answering.llm.QueryCondenser;
import com.frontdesk.booking.Actions;
import com.frontdesk.practice.Audience;
import com.frontdesk.retrieval.KnowledgeContentRetriever;
import com.frontdesk.retrieval.Retrieval;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.triage.Redactor;

import dev.langchain4j.rag.content.Content;

/**
 * The replies that come from the practice's knowledge: answers (written by the model when one is configured,
 * embedded otherwise or whenever the model cannot be used), candidacy answers and booking replies. The patient's
 * personal data never goes into a search or to the model. A model that finds the message may describe an emergency
 * turns the reply into the emergency reply.
 */
@Component
class KnowledgeReplies {

	/** How many earlier exchanges a follow-up question is condensed with. */
	private static final int HISTORY_TURNS = 3;

	/** What a candidacy question is about, whatever the patient's own words are. */
	private static final String CANDIDACY_QUESTION = "Who is a good candidate?";

	private final Retriever retriever;

	private final EmbeddedAnswerer answerer;

	private final LlmAnswerer llm;

	private final QueryCondenser condenser;

	private final Redactor redactor;

	private final Replies replies;

	private final EmergencyReplies emergencies;

	private final Actions actions;

	private final ConversationStore store;

	KnowledgeReplies(Retriever retriever, EmbeddedAnswerer answerer, LlmAnswerer llm, QueryCondenser condenser,
			Redactor redactor, Replies replies, EmergencyReplies emergencies, Actions actions, ConversationStore store) {
		this.retriever = retriever;
		this.answerer = answerer;
		this.llm = llm;
		this.condenser = condenser;
		this.redactor = redactor;
		this.replies = replies;
		this.emergencies = emergencies;
		this.actions = actions;
		this.store = store;
	}

	/** The vector retrieval will search with for this message (null when vectors are off): embedded once per turn. */
	float[] questionVector(String text, String context) {
		return retriever.questionVector(redactor.searchable(text), context);
	}

	/**
	 * @param conversationId the conversation whose earlier turns a follow-up is condensed with; null for the first
	 * turn of a conversation (there are none)
	 * @param audience the practice's patient; one who wrote in Spanish is searched for in the Spanish content or in the
	 * content's words, and answered in Spanish
	 */
	Reply answer(String text, String context, String conversationId, StreamedText streamed, Audience audience) {
		boolean spanish = audience.spanish();
		String searchable = redactor.searchable(text);
		if (!condenser.modelConfigured()) {
			return withConsultation(embedded(retriever.retrieve(audience.practiceId(), searchable, context, spanish),
					audience), audience);
		}
		String redacted = redactor.redact(text);
		Optional<String> condensed = condenser.condense(redacted, history(conversationId));
		if (condensed.isEmpty() && !context.isBlank()) {
			// A follow-up the model could not rewrite: the model is in trouble, answer without it.
			return embedded(retriever.retrieve(audience.practiceId(), searchable, context, spanish), audience);
		}
		String standalone = condensed.orElse(redacted);
		String lookup = condensed.orElse(searchable);
		Retrieval retrieval = retriever.retrieveForModel(audience.practiceId(), lookup, "");
		List<Content> contents = KnowledgeContentRetriever.contents(retrieval);
		if (contents.isEmpty()) {
			return notCovered(retrieval, audience);
		}
		return switch (llm.answer(redacted, standalone, contents, streamed::token)) {
			case ModelAnswer.Written written -> new Reply(
					written.answer().body() + "\n\n" + replies.numberedSourceLine(written.answer(), audience),
					Intent.ANSWER, written.answer().citations(), List.of(), topic(written.answer()),
					retrieval.confidence());
			case ModelAnswer.NotCovered notCovered -> notCovered(retrieval, audience);
			// Nothing the model wrote goes with the emergency advice: the patient reads the advice alone.
			case ModelAnswer.Emergency emergency -> emergency.selfHarm() ? emergencies.selfHarm(audience)
					: emergencies.emergency(audience);
			// The embedded answer ranks with both searches and picks sentences by meaning: look up again if the
			// model's lookup skipped the vectors.
			case ModelAnswer.Unavailable unavailable -> embedded(
					retrieval.queryVector() == null ? retriever.retrieve(audience.practiceId(), lookup, "", spanish)
							: retrieval,
					audience);
		};
	}

	/**
	 * A question about costs or insurance: answered only when the practice's content says it (the cost word must be
	 * in a passage, see {@code must-match-words.txt}; a bare "how much?" is looked up as a cost question about the
	 * conversation's topic). Otherwise the reply says that costs are not in the practice's information.
	 */
	Reply cost(String text, String context, String conversationId, StreamedText streamed, Audience audience) {
		Reply answered = answer(CostQuestions.asCostQuestion(text), context, conversationId, streamed, audience);
		if (answered.intent() != Intent.NOT_COVERED) {
			return answered;
		}
		return new Reply(replies.costsNotCovered(topicTitle(context), audience), Intent.NOT_COVERED, List.of(),
				List.of(actions.call(audience), actions.book(audience)), null, answered.confidence());
	}

	private Reply embedded(Retrieval retrieval, Audience audience) {
		if (!retrieval.covered()) {
			return notCovered(retrieval, audience);
		}
		Answer answer = answerer.answer(retrieval);
		String quoted = retrieval.hedged() ? hedged(answer, retrieval, audience) : quoted(answer, retrieval, audience);
		return new Reply(quoted + "\n\n" + replies.sourceLine(answer, audience),
				Intent.ANSWER, answer.citations(),
				retrieval.hedged() ? List.of(actions.call(audience), actions.book(audience)) : List.of(), topic(answer),
				retrieval.confidence());
	}

	/**
	 * The closest passage, after saying that the page may not answer exactly what was asked (for a patient who wrote in
	 * Spanish about English passages, one Spanish sentence that says both).
	 */
	private String hedged(Answer answer, Retrieval retrieval, Audience audience) {
		return replies.text(inEnglish(retrieval, audience) ? ReplyText.CLOSEST_TOPIC_IN_ENGLISH : ReplyText.CLOSEST_TOPIC,
				audience) + "\n\n" + answer.body();
	}

	/**
	 * The passages' words, after one Spanish sentence saying that the practice's information is in English when the
	 * patient wrote in Spanish and the passages are not. (With the caveat, that sentence says both.)
	 */
	private String quoted(Answer answer, Retrieval retrieval, Audience audience) {
		return inEnglish(retrieval, audience)
				? replies.text(ReplyText.CONTENT_IN_ENGLISH, audience) + "\n\n" + answer.body() : answer.body();
	}

	/** The patient wrote in Spanish and the passages are not in Spanish. */
	private static boolean inEnglish(Retrieval retrieval, Audience audience) {
		return audience.spanish() && !retrieval.quotesSpanish();
	}

	/**
	 * The knowledge does not answer the question; the reply keeps how close it came, for the practice to see. A
	 * patient who wrote in Spanish is told so in Spanish.
	 */
	private Reply notCovered(Retrieval retrieval, Audience audience) {
		return new Reply(replies.text(ReplyText.NOT_COVERED, audience), Intent.NOT_COVERED, List.of(),
				List.of(actions.call(audience), actions.book(audience)), null, retrieval.confidence());
	}

	/** The last few exchanges, redacted, for condensing a follow-up question. */
	private List<QueryCondenser.Exchange> history(String conversationId) {
		if (conversationId == null) {
			return List.of();
		}
		return store.recentTurns(conversationId, HISTORY_TURNS).stream()
			.map(turn -> new QueryCondenser.Exchange(redactor.redact(turn.question()), turn.reply()))
			.toList();
	}

	/**
	 * A message that looked off topic: answered from the knowledge if the page does answer it (a medical question is
	 * never swallowed as small talk), otherwise a kind word without a phone number in it. Not a gap in the practice's
	 * content: no confidence is kept.
	 */
	Reply offTopic(String text, String context, Audience audience) {
		return plainAnswer(text, context, audience).orElseGet(
				() -> Reply.of(replies.text(ReplyText.OFF_TOPIC, audience), Intent.NOT_COVERED, actions.call(audience)));
	}

	/** The page's answer to a message, when the page plainly answers it (not only the closest passage). */
	Optional<Reply> plainAnswer(String text, String context, Audience audience) {
		Retrieval retrieval = retriever.retrieve(audience.practiceId(), redactor.searchable(text), context,
				audience.spanish());
		return retrieval.covered() && !retrieval.hedged() ? Optional.of(embedded(retrieval, audience))
				: Optional.empty();
	}

	/**
	 * Fear, worry or frustration: acknowledged first; a question in the message is still answered (or said not to be
	 * covered); then a person and the booking are offered.
	 */
	Reply feelings(String text, String context, String conversationId, StreamedText streamed, Audience audience) {
		String opening = replies.text(ReplyText.FEELINGS, audience) + "\n\n";
		String offer = replies.text(ReplyText.FEELINGS_OFFER, audience);
		List<com.frontdesk.booking.Action> offered = List.of(actions.book(audience), actions.callback(audience),
				actions.call(audience));
		if (!asksSomething(text)) {
			return new Reply(opening + offer, Intent.GREETING, List.of(), offered, null);
		}
		streamed.token(opening);
		Reply answered = answer(text, context, conversationId, streamed, audience);
		if (answered.intent() == Intent.EMERGENCY) {
			return answered;
		}
		if (answered.intent() != Intent.ANSWER) {
			return new Reply(opening + answered.text(), answered.intent(), List.of(), offered, null,
					answered.confidence());
		}
		return new Reply(opening + answered.text() + "\n\n" + offer, Intent.ANSWER, answered.citations(), offered,
				answered.topic(), answered.confidence());
	}

	/** Whether a message asks something: a question mark, or a sentence that opens with a question word. */
	static boolean asksSomething(String text) {
		return text.indexOf('?') >= 0 || text.indexOf('\u00bf') >= 0 || QUESTION_OPENING.matcher(text).find();
	}

	private static final java.util.regex.Pattern QUESTION_OPENING = java.util.regex.Pattern.compile(
			"(?iu)(?:^|[.!,;]\\s*)(?:how|what|when|where|why|which|who|will|would|can|could|does|do|is|are|should|shall"
					+ "|cómo|qué|cuándo|dónde|por qué|cuánto|cuánta|puedo|podré)\\b");

	/**
	 * Whether the procedure fits the patient: what the page says about it (the passage found with the question read as
	 * a candidacy question), then the consultation that decides. When the page does not plainly answer the question
	 * as asked ("is there an age limit?", "can I have it with osteoporosis?"), the reply says that it may not answer
	 * exactly that before the closest passage: a condition or limit the page never names is not confirmed.
	 */
	Reply candidacy(String text, String context, Audience audience) {
		boolean spanish = audience.spanish();
		String searchable = redactor.searchable(text);
		Retrieval asked = retriever.retrieve(audience.practiceId(), searchable, context, spanish);
		boolean answeredAsAsked = asked.covered() && !asked.hedged();
		Retrieval retrieval = retriever.retrieve(audience.practiceId(), searchable + "\ngood candidate", context,
				spanish);
		if (answeredAsAsked && namesMore(asked, retrieval) || asked.covered() && Retriever.asksAnOutcome(text)) {
			// "can this help a fusion that never took?": the page plainly answers what was asked (the conditions it
			// treats) with words the candidacy passages do not hold; "will it help my leg pain?" asks what the surgery
			// is meant to do (its goals), and the consultation still decides whether it is right for the patient.
			retrieval = asked;
		}
		if (!retrieval.covered()) {
			retrieval = retriever.retrieve(audience.practiceId(), CANDIDACY_QUESTION, "");
		}
		List<com.frontdesk.booking.Action> offered = List.of(actions.book(audience), actions.call(audience));
		if (!retrieval.covered()) {
			return new Reply(replies.text(ReplyText.CANDIDACY, audience), Intent.ANSWER, List.of(), offered, null);
		}
		Answer answer = answerer.answer(retrieval);
		String reply = (answeredAsAsked ? quoted(answer, retrieval, audience) : hedged(answer, retrieval, audience))
				+ "\n\n" + replies.text(ReplyText.CANDIDACY, audience) + "\n\n" + replies.sourceLine(answer, audience);
		return new Reply(reply, Intent.ANSWER, answer.citations(), offered, topic(answer),
				Math.min(retrieval.confidence(), asked.confidence()));
	}

	/**
	 * A plain answer from the passage a candidacy question finds ("do you think I'd be a good fit?" read as a
	 * question): whether the procedure is right for the patient is decided at a consultation, so the reply says so and
	 * offers the booking, as a candidacy reply does.
	 */
	private Reply withConsultation(Reply answered, Audience audience) {
		if (answered.intent() != Intent.ANSWER || answered.citations().isEmpty() || !answered.actions().isEmpty()) {
			return answered;
		}
		Retrieval candidacy = retriever.retrieve(audience.practiceId(), CANDIDACY_QUESTION, "");
		if (!candidacy.covered() || candidacy.passages().isEmpty()
				|| !candidacy.passages().getFirst().section().equals(answered.citations().getFirst().section())) {
			return answered;
		}
		return new Reply(answered.text() + "\n\n" + replies.text(ReplyText.CANDIDACY, audience), Intent.ANSWER,
				answered.citations(), List.of(actions.book(audience), actions.call(audience)), answered.topic(),
				answered.confidence());
	}

	/** The best passage found for the question as asked holds a word of it that no candidacy passage holds. */
	private static boolean namesMore(Retrieval asked, Retrieval asCandidacy) {
		if (asked.passages().isEmpty()) {
			return false;
		}
		java.util.Set<String> held = new java.util.HashSet<>();
		asCandidacy.passages().forEach(p -> held.addAll(p.matchedTerms()));
		return !held.containsAll(asked.passages().getFirst().matchedTerms());
	}

	/** @param callback the patient asked to be called: the call back is offered first */
	Reply booking(String text, String context, boolean callback, Audience audience) {
		boolean spanish = audience.spanish();
		Retrieval retrieval = retriever.retrieve(audience.practiceId(), redactor.searchable(text), context, spanish);
		List<Citation> citations = new ArrayList<>();
		String reply = callback || ConversationalIntents.asksToBeCalled(text)
				? replies.text(ReplyText.CALLBACK_OFFER, audience) : replies.text(ReplyText.BOOKING, audience);
		if (retrieval.covered()) {
			Answer answer = answerer.answer(retrieval);
			reply = quoted(answer, retrieval, audience) + "\n\n" + reply + "\n\n" + replies.sourceLine(answer, audience);
			citations.addAll(answer.citations());
		}
		return new Reply(reply, Intent.BOOKING, citations,
				List.of(actions.book(audience), actions.call(audience), actions.callback(audience)), null);
	}

	/**
	 * What the conversation is about after this answer, for a follow-up: the document's title, then the section the
	 * answer quoted first ("how many cuts for them?" after the pedicle screws is about that passage).
	 */
	private static String topic(Answer answer) {
		if (answer.citations().isEmpty()) {
			return null;
		}
		Citation first = answer.citations().getFirst();
		String section = first.section() == null ? "" : first.section();
		return section.isBlank() ? first.title() : first.title() + TOPIC_SECTION + section;
	}

	/** Between the document's title and the section in a conversation's topic. */
	static final String TOPIC_SECTION = "\n";

	/** The document a conversation's topic names ("Minimally Invasive Lateral Fusion"), without its section. */
	static String topicTitle(String topic) {
		int cut = topic == null ? -1 : topic.indexOf(TOPIC_SECTION);
		return cut < 0 ? topic : topic.substring(0, cut);
	}

}
