package com.frontdesk.notifications;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.frontdesk.booking.CallbackRequested;
import com.frontdesk.booking.PreferredTime;
import com.frontdesk.conversation.HandoffRequested;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.Practices;

/**
 * Tells the practice what patients ask of it: a person ({@link HandoffRequested}) or a call back
 * ({@link CallbackRequested}), each as one notice in the outbox.
 * <p>
 * The listeners are plain synchronous ones: they run on the publisher's thread inside its transaction, so the notice
 * is committed with the handoff or the callback request or not at all, and when it cannot be written the exception
 * reaches the publisher and the request fails (the patient is not told it was received). Spring Modulith's event
 * publication registry is not used: its listeners run after the commit in a transaction of their own, so an
 * acknowledged request could be without its notice until the registry resubmits the event, and being durable it
 * needs a registry table of its own beside the outbox, which already is the durable record and is written in the
 * request's own transaction.
 */
@Component
class RequestNotices {

	private final PracticeNotifications notifications;

	private final Practices practices;

	RequestNotices(PracticeNotifications notifications, Practices practices) {
		this.notifications = notifications;
		this.practices = practices;
	}

	@EventListener
	void handoffRequested(HandoffRequested handoff) {
		OpeningHours hours = practices.hours(handoff.practice());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Channel", handoff.channel());
		fields.put("Conversation", handoff.conversationId());
		fields.put("Office", hours.isOpen(handoff.at()) ? "open" : "closed (" + hours.describe() + ")");
		notifications.enqueue(PracticeNotice.of(handoff.practice(), PracticeNotice.HANDOFF_REQUESTED,
				handoff.conversationId(), handoff.channel(),
				"A patient asked to talk to a person. Read the conversation and reply in the admin page "
						+ "(Handoffs), or call them if they left a callback request.",
				fields));
	}

	@EventListener
	void callbackRequested(CallbackRequested callback) {
		String urgent = callback.emergency()
				? " The reason mentions possible emergency symptoms: the patient was told to call "
						+ practices.get(callback.practice()).profile().emergencyNumber() + "."
				: "";
		Map<String, String> fields = new LinkedHashMap<>();
		if (practices.several()) {
			fields.put("practice", callback.practice().value());
		}
		fields.put("callbackId", callback.callbackId());
		fields.put("name", callback.name());
		fields.put("phone", callback.phone());
		fields.put("email", callback.email());
		fields.put("preferredTime", callback.preferredTime().value());
		fields.put("reason", callback.reason());
		fields.put("consentText", callback.consentText());
		fields.put("consentAt", callback.consentAt().toString());
		fields.put("expectCall", callback.expectCall());
		String when = callback.preferredTime() == PreferredTime.ANY ? ""
				: " (preferred time: " + callback.preferredTime().label().toLowerCase(Locale.ROOT) + ")";
		notifications.enqueue(new PracticeNotice(callback.practice(), PracticeNotice.CALLBACK_REQUEST,
				callback.callbackId(), callback.conversationId(), callback.channel(),
				"A patient asked to be called back" + when + "." + urgent, fields));
	}

}
