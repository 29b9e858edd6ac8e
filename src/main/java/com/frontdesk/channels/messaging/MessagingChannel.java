package com.frontdesk.channels.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.PracticeId;

/** A messaging platform as the channel-neutral processing sees it: its limits and how to send it a text. */
public interface MessagingChannel {

	/** The channel's name, as stored with its messages and conversations. */
	String name();

	boolean enabled();

	ReplyLimits limits();

	/**
	 * The settings an enabled channel needs but lacks, by their full names ({@code frontdesk.channels.sms.auth-token},
	 * {@code frontdesk.practices[northside].sms...}), so start-up can say so.
	 */
	default List<String> missingSettings() {
		return List.of();
	}

	/** How long after the patient's message a free-form reply is allowed, if the platform limits it. */
	default Optional<Duration> replyWindow() {
		return Optional.empty();
	}

	/**
	 * The sender's phone number, where the platform identifies senders by it (WhatsApp, SMS), so a callback request
	 * can offer it instead of asking for it.
	 */
	default Optional<String> senderPhone(String sender) {
		return Optional.empty();
	}

	/**
	 * Decides what to do with a text message before it reaches the pipeline.
	 * @param audience the patients of the practice the message was sent to, whose details a fixed reply gives
	 */
	default Screening screen(Audience audience, InboundMessage message) {
		return Screening.answer();
	}

	/** Adapts a rendered reply to what the platform displays well (SMS: GSM-7 friendly characters). */
	default String adapt(String text) {
		return text;
	}

	/**
	 * Why a message did not get through, in words the practice's staff can act on, from the summary of the final
	 * {@link SendFailed} (which names the platform's status and error code); the summary itself when nothing better
	 * is known.
	 */
	default String explainFailure(String summary) {
		return summary;
	}

	/**
	 * Sends one text message (already within {@link #limits()}) from the practice's own account.
	 * @throws SendFailed when the platform refused it or could not be reached, or the practice has no account on it
	 */
	void send(PracticeId practice, String recipient, String text);

}
