package com.frontdesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.answering.Languages;
import com.frontdesk.booking.Actions;
import com.frontdesk.practice.Audience;
import com.frontdesk.triage.SafetyNet;
import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageOutcome;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.frontdesk.triage.TriageResult;

/**
 * One pipeline for every channel: triage (deterministic, always first), then the channel's own step (a guided
 * exchange under way, {@link TurnStep}), then who owns the conversation (while staff
 * own it the assistant stays quiet: the message is stored for them and the reply is empty), then the conversational
 * intents, then retrieval and the answer, then the actions. Every turn is stored before the reply is returned; a new
 * conversation is stored with its first turn.
 */
@Service
public class TurnPipeline {

	private final Triage triage;

	private final Actions actions;

	private final Replies replies;

	private final EmergencyReplies emergencies;

	private final KnowledgeReplies knowledge;

	private final ConversationStore store;

	private final Handoffs handoffs;

	private final ConversationProperties properties;

	private final TurnLimits limits;

	private final Clock clock;

	private final MeterRegistry metrics;

	private final SafetyNet safetyNet;

	private final IntentClassifier intents;

	/**
	 * What a question about costs may have been taken for: a question, the practice's details, candidacy or small talk.
	 * Booking, a call back, a person, feelings and greetings keep their replies.
	 */
	private static final Set<ConversationalIntents.Kind> COST_QUESTION_KINDS = Set.of(ConversationalIntents.Kind.QUESTION,
			ConversationalIntents.Kind.PRACTICE_INFO, ConversationalIntents.Kind.CANDIDACY,
			ConversationalIntents.Kind.OFF_TOPIC);

	TurnPipeline(Triage triage, SafetyNet safetyNet, Actions actions, Replies replies, EmergencyReplies emergencies,
			KnowledgeReplies knowledge, ConversationStore store, Handoffs handoffs, ConversationProperties properties,
			TurnLimits limits, Clock clock, MeterRegistry metrics, IntentClassifier intents) {
		this.intents = intents;
		this.triage = triage;
		this.safetyNet = safetyNet;
		this.actions = actions;
		this.replies = replies;
		this.emergencies = emergencies;
		this.knowledge = knowledge;
		this.store = store;
		this.handoffs = handoffs;
		this.properties = properties;
		this.limits = limits;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Answers one message.
	 * @throws BlankMessage when the message has no visible text
	 * @throws MessageTooLong when it is longer than the configured limit
	 * @throws ConversationNotFound when the conversation id is unknown, or another practice's
	 * @throws ConversationTooLong when the conversation has all the turns it may have (and this is no emergency)
	 */
	public ChatReply handle(TurnRequest request) {
		return handle(request, ReplyListener.NONE);
	}

	/**
	 * Answers one message and lets a listener hear the reply as it is made (for streaming channels).
	 * @see #handle(TurnRequest)
	 */
	public ChatReply handle(TurnRequest request, ReplyListener listener) {
		return handle(request, listener, TurnStep.NONE);
	}

	/**
	 * Answers one message, with a step of the channel's after triage (a guided exchange under way): triage still runs
	 * once, first, and the step's reply is stored as the turn like any other.
	 * @see #handle(TurnRequest)
	 */
	public ChatReply handle(TurnRequest request, ReplyListener listener, TurnStep step) {
		String conversationId = request.conversationId();
		String channel = request.channel().value();
		String text = validate(request);
		Instant received = clock.instant();
		boolean firstTurn = conversationId == null;
		String id = firstTurn ? ConversationStore.newId() : conversationId;
		String context = firstTurn ? "" : store.latestTopic(id).orElse("");
		// A new conversation is stored with its first turn, in one transaction at the end, unless the first message
		// asks for a person: the handoff refers to the conversation at once.
		ConversationalIntents.Kind kind = intents.classify(text);
		AtomicBoolean stored = new AtomicBoolean(!firstTurn);
		Supplier<String> conversation = () -> {
			if (stored.compareAndSet(false, true)) {
				store.create(request.practice().id(), id, channel, request.page(), received);
			}
			return id;
		};
		if (kind == ConversationalIntents.Kind.HANDOFF) {
			conversation.get();
		}
		listener.started(id);
		StreamedText streamed = new StreamedText(listener);
		Timer.Sample turn = Timer.start(metrics);
		Reply reply;
		try {
			reply = respond(request, text, kind, context, id, firstTurn, streamed, step, conversation);
		}
		catch (RuntimeException ex) {
			turn.stop(turnTimer(channel, "failed"));
			throw ex;
		}
		turn.stop(turnTimer(channel, reply.intent().value()));
		Turn turnMade = new Turn(text, reply.text(), reply.intent(), reply.citations(), reply.actions(), reply.topic(),
				clock.instant(), reply == Reply.STAFF_ANSWERS ? Turn.PENDING : Turn.ASSISTANT);
		long replyId = stored.get() ? store.append(id, turnMade, reply.confidence())
				: store.appendFirst(request.practice().id(), id, channel, request.page(), received, turnMade,
						reply.confidence());
		streamed.finish(reply.text());
		return new ChatReply(id, reply.text(), reply.intent(), reply.citations(), reply.actions(),
				String.valueOf(replyId));
	}

	/**
	 * Checks a message before anything is done with it, so a streaming channel can refuse it with a plain error.
	 * @return the cleaned message text
	 */
	public String validate(TurnRequest request) {
		String text = MessageText.clean(request.message());
		if (text.isEmpty()) {
			throw new BlankMessage();
		}
		if (text.length() > properties.maxMessageLength()) {
			throw new MessageTooLong(properties.maxMessageLength());
		}
		String conversationId = request.conversationId();
		if (conversationId != null && !store.exists(request.practice().id(), conversationId)) {
			throw new ConversationNotFound();
		}
		if (conversationId != null && store.turnCount(conversationId) >= limits.maxTurns() && !urgent(text)) {
			throw new ConversationTooLong(limits.maxTurns());
		}
		return text;
	}

	/** {@code frontdesk.turn.duration}: how long triage, retrieval and the answer took, by channel and intent. */
	private Timer turnTimer(String channel, String intent) {
		return Timer.builder("frontdesk.turn.duration")
			.description("Time to make a reply (triage, retrieval, answer), without storing it")
			.tag("channel", channel)
			.tag("intent", intent)
			.publishPercentileHistogram()
			.register(metrics);
	}

	private boolean urgent(String text) {
		return triage.assess(text).urgent();
	}

	/**
	 * @param kind what the message is besides a question (greeting, handoff, booking...), answered only once triage
	 * has cleared it
	 * @param firstTurn the conversation was started by this message: nobody else owns it yet and it has no history,
	 * so neither is looked up
	 * @param step the channel's step, which may answer a message triage cleared
	 * @param conversation the conversation's id, stored when first asked for
	 */
	private Reply respond(TurnRequest request, String text, ConversationalIntents.Kind kind, String context,
			String conversationId, boolean firstTurn, StreamedText streamed, TurnStep step,
			Supplier<String> conversation) {
		TriageResult safety = triage.assess(text);
		SafetyNet.Reading reading = safetyNet.active() ? safetyNet.reading(text, knowledge.questionVector(text, context))
				: null;
		if ((safety.urgent() || safety.clear()) && reading != null) {
			safety = safetyNet.review(reading, safety);
		}
		boolean spanish = safety.spanish() || request.readsSpanish() && Languages.cannotTell(text);
		Audience audience = request.audience(spanish);
		if (safety.urgent()) {
			step.interrupted();
		}
		else {
			Optional<String> guided = step.reply(text, conversation);
			if (guided.isPresent()) {
				// an answer to the channel's step (a name, a time) is behind the net like any other message
				return safeguarded(reading, safety, audience, streamed, () -> Reply.of(guided.get(), Intent.BOOKING));
			}
		}
		switch (safety.outcome()) {
			case SELF_HARM:
				return emergencies.selfHarm(audience, safety.advice());
			case EMERGENCY:
				return emergencies.emergency(audience, safety.advice());
			case NEEDS_CLINICIAN:
				return safeguarded(reading, safety, audience, streamed,
						() -> Reply.of(replies.text(ReplyText.NEEDS_CLINICIAN, audience), Intent.NEEDS_CLINICIAN,
								actions.call(audience), actions.book(audience)));
			case MANIPULATION:
				return Reply.of(replies.text(ReplyText.OUT_OF_SCOPE, audience), Intent.NOT_COVERED, actions.call(audience));
			case CLEAR:
				break;
		}
		Owner owner = firstTurn ? Owner.BOT : store.ownerOf(conversationId).orElse(Owner.BOT);
		if (owner == Owner.STAFF) {
			return Reply.STAFF_ANSWERS;
		}
		if (owner == Owner.CLOSED) {
			handoffs.reopen(conversationId);
		}
		if (!spanish && COST_QUESTION_KINDS.contains(kind) && CostQuestions.asks(text)) {
			// "how much?" after a question about the procedure: what the procedure costs, whatever it resembles
			return safeguarded(reading, safety, audience, streamed,
					() -> knowledge.cost(text, context, firstTurn ? null : conversationId, streamed, audience));
		}
		return switch (kind) {
			// a farewell can be a goodbye of someone thinking of ending their life: small talk is behind the net too
			case GREETING -> safeguarded(reading, safety, audience, streamed,
					() -> Reply.of(replies.text(ReplyText.GREETING, audience), Intent.GREETING));
			case THANKS -> safeguarded(reading, safety, audience, streamed,
					() -> Reply.of(replies.text(ReplyText.THANKS, audience), Intent.GREETING));
			case GOODBYE -> safeguarded(reading, safety, audience, streamed,
					() -> Reply.of(replies.text(ReplyText.GOODBYE, audience), Intent.GREETING));
			case HANDOFF -> safeguarded(reading, safety, audience, streamed, () -> Reply.of(
					handoffs.request(conversationId) ? replies.handoffRequested(clock.instant(), audience)
							: replies.handoffAlreadyRequested(clock.instant(), audience),
					Intent.HANDOFF, actions.call(audience), actions.callback(audience)));
			case PRACTICE_INFO -> practiceInfo(text, context, reading, safety, audience, streamed);
			case BOOKING -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.booking(text, context, false, audience));
			case CALLBACK -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.booking(text, context, true, audience));
			case CANDIDACY -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.candidacy(text, context, audience));
			case OFF_TOPIC -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.offTopic(text, context, audience));
			case FEELINGS -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.feelings(text, context, firstTurn ? null : conversationId, streamed, audience));
			case QUESTION -> safeguarded(reading, safety, audience, streamed,
					() -> knowledge.answer(text, context, firstTurn ? null : conversationId, streamed, audience));
		};
	}

	/**
	 * The profile's details the message asks for (the phone, the hours, whether the office is open now), cited as their
	 * own source. A message that names none of them is the page's to answer when the page plainly does ("¿sirve para
	 * la escoliosis?" is about the procedure, not the practice); otherwise it gets all the contact details, with the
	 * caveat that they may not answer exactly what was asked (parking, the languages spoken).
	 */
	private Reply practiceInfo(String text, String context, SafetyNet.Reading reading, TriageResult safety,
			Audience audience, StreamedText streamed) {
		Set<PracticeDetails.Detail> asked = PracticeDetails.asked(text);
		if (asked.isEmpty()) {
			Optional<Reply> fromPage = knowledge.plainAnswer(text, context, audience);
			if (fromPage.isPresent()) {
				return safeguarded(reading, safety, audience, streamed, fromPage::get);
			}
		}
		// the office's hours can be asked by someone saying goodbye for good: the details are behind the net too
		return safeguarded(reading, safety, audience, streamed, () -> {
			Citation source = replies.practiceInfoSource(audience);
			String details = replies.practiceDetails(asked, clock.instant(), audience);
			String reply = details + "\n\n" + replies.sourceLine(new Answer("", List.of(source)), audience);
			return new Reply(reply, Intent.ANSWER, List.of(source),
					List.of(actions.call(audience), actions.book(audience)), null);
		});
	}

	/**
	 * The answer, behind the safety net: when the question is close in meaning to a red flag that triage's rules did
	 * not raise (see {@link SafetyNet#check}), the reply opens with that red flag's advice and the emergency action,
	 * streamed before anything else, and the answer follows.
	 */
	private Reply safeguarded(SafetyNet.Reading reading, TriageResult safety, Audience audience, StreamedText streamed,
			Supplier<Reply> answer) {
		if (reading == null) {
			return answer.get();
		}
		TriageResult net = safetyNet.check(reading, safety);
		if (!net.urgent()) {
			return answer.get();
		}
		Audience warned = audience.speaking(net.spanish());
		Reply urgent = net.outcome() == TriageOutcome.SELF_HARM ? emergencies.selfHarm(warned, net.advice())
				: emergencies.emergency(warned, net.advice());
		String opening = urgent.text() + "\n\n";
		streamed.token(opening);
		Reply answered = answer.get();
		List<com.frontdesk.booking.Action> actionsFirst = new java.util.ArrayList<>(urgent.actions());
		answered.actions().stream().filter(a -> !actionsFirst.contains(a)).forEach(actionsFirst::add);
		return new Reply(opening + answered.text(), Intent.EMERGENCY, answered.citations(), List.copyOf(actionsFirst),
				answered.topic(), answered.confidence());
	}

}
