package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.frontdesk.answering.Languages;
import com.frontdesk.conversation.BlankMessage;
import com.frontdesk.conversation.Channel;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.ConversationNotFound;
import com.frontdesk.conversation.ConversationTooLong;
import com.frontdesk.conversation.MessageTooLong;
import com.frontdesk.conversation.ReplyListener;
import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.conversation.TurnRequest;
import com.frontdesk.conversation.TurnStep;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;
import com.frontdesk.retrieval.KnowledgeUnavailable;

/**
 * Answers one inbound message for the practice it was sent to: the channel's screening (SMS keywords, with that
 * practice's details), opt-outs, the reply window, then the turn pipeline in the sender's own conversation with that
 * practice, once, with a callback request under way or asked for as the pipeline's step after triage
 * ({@link CallbackExchange}); the reply is rendered as plain text and delivered from the practice's account.
 */
@Component
class MessageHandler {

	private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

	private static final String SPANISH = "es";

	private static final String ENGLISH = "en";

	private final TurnPipeline pipeline;

	private final ContactStore contacts;

	private final PlainTextReplies replies;

	private final ChannelTexts texts;

	private final OutboundDelivery delivery;

	private final CallbackExchange callbacks;

	private final Clock clock;

	private final Practices practices;

	MessageHandler(TurnPipeline pipeline, ContactStore contacts, PlainTextReplies replies, ChannelTexts texts,
			OutboundDelivery delivery, CallbackExchange callbacks, Clock clock, Practices practices) {
		this.practices = practices;
		this.pipeline = pipeline;
		this.contacts = contacts;
		this.replies = replies;
		this.texts = texts;
		this.delivery = delivery;
		this.callbacks = callbacks;
		this.clock = clock;
	}

	/**
	 * Answers the message; its reply is sent only while the worker still holds it ({@link HeldMessage#startReplying}):
	 * a message handed back by a stop is answered by another instance or the next start instead.
	 */
	Outcome handle(MessagingChannel channel, InboundMessage message, HeldMessage held) {
		Optional<Practice> practice = practices.find(message.practice());
		if (practice.isEmpty()) {
			return Outcome.ignored("the practice is no longer served here");
		}
		PracticeId to = practice.get().id();
		Audience audience = new Audience(practice.get(), writesSpanish(to, channel, message));
		Screening screening = message.kind() == MessageKind.TEXT ? channel.screen(audience, message) : Screening.answer();
		if (screening.action() == Screening.Action.OPT_IN && callbacks.underWay(channel, message)
				&& !contacts.optedOut(to, channel.name(), message.sender())) {
			screening = Screening.answer(); // SMS "YES" in the middle of a callback request answers its question
		}
		switch (screening.action()) {
			case OPT_OUT -> {
				contacts.optOut(to, channel.name(), message.sender());
				callbacks.abandon(channel, message);
				return screening.reply() == null ? Outcome.ignored("sender opted out")
						: send(channel, message, held, List.of(screening.reply()));
			}
			case OPT_IN -> contacts.optIn(to, channel.name(), message.sender());
			default -> {
				if (contacts.optedOut(to, channel.name(), message.sender())) {
					return Outcome.ignored("sender has opted out");
				}
			}
		}
		if (outsideWindow(channel, message)) {
			return Outcome.expired();
		}
		return switch (screening.action()) {
			case REPLY, OPT_IN -> send(channel, message, held, List.of(screening.reply()));
			default -> message.kind() == MessageKind.MEDIA
					? send(channel, message, held, List.of(texts.textOnly(audience)))
					: answer(channel, message, held, audience);
		};
	}

	/**
	 * Whether the sender is written to in Spanish: as their message looks, or, when it is too short to tell ("ok", "2",
	 * a picture) or answers a callback request's question (a name such as "Ana García" is no change of language), as
	 * the last message of theirs that could. What a message tells is remembered.
	 */
	private boolean writesSpanish(PracticeId to, MessagingChannel channel, InboundMessage message) {
		Optional<String> remembered = contacts.language(to, channel.name(), message.sender());
		if (message.kind() != MessageKind.TEXT || Languages.cannotTell(message.text())
				|| callbacks.underWay(channel, message)) {
			return remembered.map(SPANISH::equals).orElse(false);
		}
		String language = Languages.looksSpanish(message.text()) ? SPANISH : ENGLISH;
		if (!remembered.equals(Optional.of(language))) {
			contacts.speaks(to, channel.name(), message.sender(), language);
		}
		return language.equals(SPANISH);
	}

	private Outcome answer(MessagingChannel channel, InboundMessage message, HeldMessage held, Audience audience) {
		List<String> parts;
		try {
			ChatReply reply = converse(channel, message, audience);
			if (reply.reply().isEmpty()) {
				return Outcome.ignored("held for the practice's staff");
			}
			parts = replies.render(reply, channel.limits(), audience);
		}
		catch (BlankMessage ex) {
			parts = List.of(texts.textOnly(audience));
		}
		catch (MessageTooLong ex) {
			parts = List.of(texts.tooLong(ex.limit(), audience));
		}
		catch (KnowledgeUnavailable ex) {
			parts = List.of(texts.unavailable(audience));
		}
		catch (RuntimeException ex) {
			log.error("Answering a {} message failed: {}", channel.name(), ex.getClass().getName());
			Outcome apology = send(channel, message, held, List.of(texts.failed(audience)));
			return apology.status() == MessageStatus.ANSWERED ? Outcome.failed("pipeline: " + ex.getClass().getSimpleName())
					: apology;
		}
		return send(channel, message, held, parts);
	}

	/** The turn, through the pipeline once, with a callback request under way or asked for as its step. */
	private ChatReply converse(MessagingChannel channel, InboundMessage message, Audience audience) {
		Practice practice = audience.practice();
		String known = contacts.conversation(practice.id(), channel.name(), message.sender()).orElse(null);
		Channel from = Channel.of(channel.name());
		TurnStep callback = callbacks.step(channel, message, audience);
		ChatReply reply;
		try {
			reply = pipeline.handle(request(audience, from, known, message), ReplyListener.NONE, callback);
		}
		catch (ConversationNotFound | ConversationTooLong ex) {
			// Deleted (retention), or full: the sender goes on in a new conversation.
			reply = pipeline.handle(request(audience, from, null, message), ReplyListener.NONE, callback);
		}
		if (!reply.conversationId().equals(known)) {
			contacts.link(practice.id(), channel.name(), message.sender(), reply.conversationId());
		}
		return reply;
	}

	/** The turn, in the language the sender writes in (messaging has no page). */
	private static TurnRequest request(Audience audience, Channel from, String conversation, InboundMessage message) {
		return new TurnRequest(audience.practice(), from, conversation, message.text(),
				audience.spanish() ? SPANISH : ENGLISH, null);
	}

	private Outcome send(MessagingChannel channel, InboundMessage message, HeldMessage held, List<String> parts) {
		if (!held.startReplying()) {
			return Outcome.handedBack();
		}
		List<String> adapted = parts.stream().map(channel::adapt).toList();
		try {
			delivery.deliver(channel, message.practice(), message.sender(), adapted);
			return Outcome.answered(adapted.size());
		}
		catch (DeliveryFailed ex) {
			return Outcome.failed(ex.getMessage());
		}
	}

	private boolean outsideWindow(MessagingChannel channel, InboundMessage message) {
		return channel.replyWindow()
			.map(window -> Duration.between(message.sentAt(), clock.instant()).compareTo(window) > 0)
			.orElse(false);
	}

}
