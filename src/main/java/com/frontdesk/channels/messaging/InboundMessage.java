package com.frontdesk.channels.messaging;

import java.time.Instant;
import java.util.Objects;

import com.frontdesk.practice.PracticeId;

/**
 * One message a patient sent on a messaging platform, as a webhook delivered it.
 *
 * @param practice the practice whose account on the platform it was sent to
 * @param channel the channel's name ({@code whatsapp}, {@code messenger}, {@code telegram}, {@code sms})
 * @param messageId the platform's id for the message; a redelivery carries the same id
 * @param sender where replies go (WhatsApp id, page-scoped id, chat id, phone number)
 * @param kind text, or something else (image, voice, location, ...)
 * @param text what the patient wrote; empty for media
 * @param sentAt when the platform says the message was sent
 */
public record InboundMessage(PracticeId practice, String channel, String messageId, String sender, MessageKind kind,
		String text, Instant sentAt) {

	/** Longest platform message id and sender id stored. */
	public static final int MAX_ID_LENGTH = 200;

	public InboundMessage {
		Objects.requireNonNull(practice, "practice");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sentAt, "sentAt");
		requireId(messageId, "message id");
		requireId(sender, "sender");
		text = text == null ? "" : text;
	}

	/** A text to the default practice's account. */
	public static InboundMessage text(String channel, String messageId, String sender, String text, Instant sentAt) {
		return new InboundMessage(PracticeId.DEFAULT, channel, messageId, sender, MessageKind.TEXT, text, sentAt);
	}

	/** Media to the default practice's account. */
	public static InboundMessage media(String channel, String messageId, String sender, Instant sentAt) {
		return new InboundMessage(PracticeId.DEFAULT, channel, messageId, sender, MessageKind.MEDIA, "", sentAt);
	}

	/** The same message, sent to that practice's account. */
	public InboundMessage to(PracticeId other) {
		return new InboundMessage(other, channel, messageId, sender, kind, text, sentAt);
	}

	private static void requireId(String value, String what) {
		if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
			throw new MalformedWebhook("missing or over-long " + what);
		}
	}

}
