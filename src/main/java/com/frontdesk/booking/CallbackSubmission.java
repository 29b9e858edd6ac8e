package com.frontdesk.booking;

import com.frontdesk.practice.PracticeId;

/**
 * A callback request as a channel received it, before it is checked: every field may be missing or wrong.
 *
 * @param practice the practice it is made to
 * @param conversationId the conversation it was asked in (one of that practice's), or null
 * @param channel where it was asked ({@code web}, {@code whatsapp}, ...)
 * @param name the patient's name
 * @param phone the number to call, as typed
 * @param email an e-mail address, or null
 * @param preferredTime {@code morning}, {@code afternoon}, {@code evening} or {@code any}; null means any
 * @param reason what the patient would like to talk about, or null
 * @param consent whether the patient agreed to be contacted (must be true)
 * @param consentVersion the version of the consent wording the patient was shown ({@link ConsentWording#version()})
 * @param idempotencyKey the client's key for this request, or null; the same key again is the same request
 * @param language the language the patient reads, a language tag ({@code es}, {@code es-MX}: Spanish), in which the
 * receipt is written; null or any other value is English
 */
public record CallbackSubmission(PracticeId practice, String conversationId, String channel, String name, String phone,
		String email, String preferredTime, String reason, Boolean consent, String consentVersion,
		String idempotencyKey, String language) {

	public CallbackSubmission {
		if (practice == null) {
			throw new IllegalArgumentException("A callback request is made to a practice");
		}
	}

	/** A request whose receipt is written in English. */
	public CallbackSubmission(PracticeId practice, String conversationId, String channel, String name, String phone,
			String email, String preferredTime, String reason, Boolean consent, String consentVersion,
			String idempotencyKey) {
		this(practice, conversationId, channel, name, phone, email, preferredTime, reason, consent, consentVersion,
				idempotencyKey, null);
	}

	boolean readsSpanish() {
		return language != null && language.strip().toLowerCase(java.util.Locale.ROOT).matches("es(?:[-_][a-z0-9]{1,8})*");
	}

}
