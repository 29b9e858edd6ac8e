package com.frontdesk.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.answering.EmbeddedAnswerer;
import com.frontdesk.answering.llm.LlmAnswerer;
import com.frontdesk.answering.llm.ModelAnswer;
import com.frontdesk.answering.llm.QueryCondenser;
import com.frontdesk.booking.Action;
import com.frontdesk.booking.Actions;
import com.frontdesk.retrieval.KnowledgeContentRetriever;
import com.frontdesk.retrieval.Retrieval;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.triage.Redactor;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageResult;

/**
 * One pipeline for every channel: triage (deterministic, always first), then the conversational intents, then
 * retrieval and the answer, then the actions. Every turn is stored before the reply is returned.
 */
@Service
public class TurnPipeline {

	/** What a candidacy question is about, whatever the patient's own words are. */
	private static final String CANDIDACY_QUESTION = "Who is a good candidate?";

	/** How many earlier exchanges a follow-up question is condensed with. */
	private static final int HISTORY_TURNS = 3;

	private final Triage triage;

	private final Retriever retriever;

	private final EmbeddedAnswerer answerer;

	private final Actions actions;

	private final Replies replies;

	private final ConversationStore store;

	private final ConversationProperties properties;

	private final Clock clock;

	private final Redactor redactor;

	private final QueryCondenser condenser;

	private final LlmAnswerer llm;

	private final KnowledgeContentRetriever contentRetriever;

	TurnPipeline(Triage triage, Retriever retriever, EmbeddedAnswerer answerer, Actions actions, Replies replies,
			ConversationStore store, ConversationProperties properties, Clock clock, Redactor redactor,
			QueryCondenser condenser, LlmAnswerer llm, KnowledgeContentRetriever contentRetriever) {
		this.triage = triage;
		this.retriever = retriever;
		this.answerer = answerer;
		this.actions = actions;
		this.replies = replies;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.redactor = redactor;
		this.condenser = condenser;
		this.llm = llm;
		this.contentRetriever = contentRetriever;
	}

	/**
	 * Answers one message.
	 * @param conversationId the conversation to continue, or {@code null} to start one
	 * @param message what the patient wrote
	 * @param channel where it came from (web, whatsapp, ...)
	 * @throws BlankMessage when the message has no visible text
	 * @throws MessageTooLong when it is longer than the configured limit
	 * @throws ConversationNotFound when the conversation id is unknown
	 */
	public ChatReply handle(String conversationId, String message, String channel) {
		return handle(conversationId, message, channel, ReplyListener.NONE);
	}

	/**
	 * Answers one message and lets a listener hear the reply as it is made (for streaming channels).
	 * @see #handle(String, String, String)
	 */
	public ChatReply handle(String conversationId, String message, String channel, ReplyListener listener) {
		String text = validate(conversationId, message);
		String id;
		String context = "";
		if (conversationId == null) {
			id = store.create(channel);
		}
		else {
			id = conversationId;
			context = store.latestTopic(id).orElse("");
		}
		listener.started(id);
		StreamedText streamed = new StreamedText(listener);
		Reply reply = respond(text, context, id, streamed);
		store.append(id, new Turn(text, reply.text(), reply.intent(), reply.citations(), reply.actions(),
				reply.topic(), clock.instant()));
		streamed.finish(reply.text());
		return new ChatReply(id, reply.text(), reply.intent(), reply.citations(), reply.actions());
	}

	/**
	 * Checks a message before anything is done with it, so a streaming channel can refuse it with a plain error.
	 * @return the cleaned message text
	 */
	public String validate(String conversationId, String message) {
		String text = MessageText.clean(message);
		if (text.isEmpty()) {
			throw new BlankMessage();
		}
		if (text.length() > properties.maxMessageLength()) {
			throw new MessageTooLong(properties.maxMessageLength());
		}
		if (conversationId != null && !store.exists(conversationId)) {
			throw new ConversationNotFound();
		}
		return text;
	}

	private record Reply(String text, Intent intent, List<Citation> citations, List<Action> actions, String topic) {

		static Reply of(String text, Intent intent, Action... actions) {
			return new Reply(text, intent, List.of(), List.of(actions), null);
		}

	}

	private Reply respond(String text, String context, String conversationId, StreamedText streamed) {
		TriageResult safety = triage.assess(text);
		switch (safety.outcome()) {
			case SELF_HARM:
				return Reply.of(replies.selfHarm(), Intent.EMERGENCY, actions.crisisLine(), actions.emergency());
			case EMERGENCY:
				return Reply.of(replies.emergency(), Intent.EMERGENCY, actions.emergency());
			case NEEDS_CLINICIAN:
				return Reply.of(replies.needsClinician(), Intent.NEEDS_CLINICIAN, actions.call(), actions.book());
			case MANIPULATION:
				return Reply.of(replies.outOfScope(), Intent.NOT_COVERED, actions.call());
			case CLEAR:
				break;
		}
		return switch (ConversationalIntents.classify(text)) {
			case GREETING -> Reply.of(replies.greeting(), Intent.GREETING);
			case THANKS -> Reply.of(replies.thanks(), Intent.GREETING);
			case GOODBYE -> Reply.of(replies.goodbye(), Intent.GREETING);
			case HANDOFF -> Reply.of(replies.handoff(), Intent.HANDOFF, actions.call(), actions.handoff());
			case PRACTICE_INFO -> new Reply(replies.practiceInfo() + "\n\nSource: " + replies.practiceInfoSource().title()
					+ " – " + replies.practiceInfoSource().section(), Intent.ANSWER, List.of(replies.practiceInfoSource()),
					List.of(actions.call(), actions.book()), null);
			case BOOKING -> booking(text, context);
			case CANDIDACY -> candidacy(text, context);
			case NONE -> answer(text, context, conversationId, streamed);
		};
	}

	private Reply answer(String text, String context, String conversationId, StreamedText streamed) {
		String searchable = redactor.searchable(text);
		if (!condenser.modelConfigured()) {
			return embedded(retriever.retrieve(searchable, context));
		}
		String redacted = redactor.redact(text);
		String standalone = condenser.condense(redacted, history(conversationId));
		if (standalone.equals(redacted) && !context.isBlank()) {
			// A follow-up the model could not rewrite: the model is in trouble, answer without it.
			return embedded(retriever.retrieve(searchable, context));
		}
		String lookup = standalone.equals(redacted) ? searchable : standalone;
		List<Content> contents = contentRetriever.retrieve(Query.from(lookup));
		if (contents.isEmpty()) {
			return notCovered();
		}
		return switch (llm.answer(redacted, standalone, contents, streamed::token)) {
			case ModelAnswer.Written written -> new Reply(
					written.answer().body() + "\n\n" + written.answer().numberedSourceLine(), Intent.ANSWER,
					written.answer().citations(), List.of(), topic(written.answer()));
			case ModelAnswer.NotCovered notCovered -> notCovered();
			case ModelAnswer.Unavailable unavailable -> embedded(retriever.retrieve(lookup, ""));
		};
	}

	private Reply embedded(Retrieval retrieval) {
		if (!retrieval.covered()) {
			return notCovered();
		}
		Answer answer = answerer.answer(retrieval);
		return new Reply(answer.body() + "\n\n" + answer.sourceLine(), Intent.ANSWER, answer.citations(), List.of(),
				topic(answer));
	}

	private Reply notCovered() {
		return Reply.of(replies.notCovered(), Intent.NOT_COVERED, actions.call(), actions.book());
	}

	/** The last few exchanges, redacted, for condensing a follow-up question. */
	private List<QueryCondenser.Exchange> history(String conversationId) {
		List<Turn> turns = store.turns(conversationId);
		return turns.subList(Math.max(0, turns.size() - HISTORY_TURNS), turns.size()).stream()
			.map(turn -> new QueryCondenser.Exchange(redactor.redact(turn.question()), turn.reply()))
			.toList();
	}

	private Reply candidacy(String text, String context) {
		Retrieval retrieval = retriever.retrieve(text + "\ngood candidate", context);
		if (!retrieval.covered()) {
			retrieval = retriever.retrieve(CANDIDACY_QUESTION, "");
		}
		if (!retrieval.covered()) {
			return new Reply(replies.candidacy(), Intent.ANSWER, List.of(), List.of(actions.book(), actions.call()),
					null);
		}
		Answer answer = answerer.answer(retrieval);
		return new Reply(answer.body() + "\n\n" + replies.candidacy() + "\n\n" + answer.sourceLine(), Intent.ANSWER,
				answer.citations(),
				List.of(actions.book(), actions.call()), topic(answer));
	}

	private Reply booking(String text, String context) {
		Retrieval retrieval = retriever.retrieve(text, context);
		List<Citation> citations = new ArrayList<>();
		String reply = replies.booking();
		if (retrieval.covered()) {
			Answer answer = answerer.answer(retrieval);
			reply = answer.body() + "\n\n" + reply + "\n\n" + answer.sourceLine();
			citations.addAll(answer.citations());
		}
		return new Reply(reply, Intent.BOOKING, citations, List.of(actions.book(), actions.call()), null);
	}

	private static String topic(Answer answer) {
		return answer.citations().isEmpty() ? null : answer.citations().get(0).title();
	}

}
