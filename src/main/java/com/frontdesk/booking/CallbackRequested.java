package com.frontdesk.booking;

import java.time.Instant;

import com.frontdesk.practice.PracticeId;

/**
 * A patient asked to be called back and the request was stored (a repeat merged into an earlier request is not
 * published again). Published inside the transaction that stores the request, so a listener that writes (the notice to
 * the practice) commits or rolls back with it, and a listener that fails fails the request: the patient is not told
 * it was received. It carries what the practice needs to call back, as the request was stored, and nothing more.
 *
 * @param practice the practice asked
 * @param callbackId the request's id
 * @param conversationId the conversation it came from, or null
 * @param channel where the patient asked ({@code web}, {@code whatsapp}, ...)
 * @param name the patient's name
 * @param phone the number to call, in E.164 where it could be written so
 * @param email the patient's e-mail, or null
 * @param preferredTime when they would like the call
 * @param reason what it is about, or null
 * @param consentText the consent wording the patient confirmed, word for word
 * @param consentAt when they confirmed it
 * @param expectCall when the patient was told to expect the call ("today, usually within 2 hours")
 * @param emergency the reason reads like an emergency, and the patient was told to call the emergency number now
 */
public record CallbackRequested(PracticeId practice, String callbackId, String conversationId, String channel,
		String name, String phone, String email, PreferredTime preferredTime, String reason, String consentText,
		Instant consentAt, String expectCall, boolean emergency) {
}
