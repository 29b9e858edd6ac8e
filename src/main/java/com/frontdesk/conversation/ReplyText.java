package com.frontdesk.conversation;

import java.util.Locale;

/**
 * The fixed replies that need nothing but the practice's details, each a key of
 * {@code conversation/replies/messages.properties} (and {@code messages_es.properties}): the constant's name in lower
 * case with dashes ({@code CALLBACK_OFFER} -> {@code callback-offer}).
 */
enum ReplyText {

	/** Doses, medicine decisions, "do I have X", test results. */
	NEEDS_CLINICIAN,

	/** An attempt to make the assistant ignore its instructions. */
	OUT_OF_SCOPE,

	BOOKING,

	/** A booking reply to "can someone call me?": the call back first, then the other ways. */
	CALLBACK_OFFER,

	/** After the answer to "am I a candidate?". */
	CANDIDACY,

	NOT_COVERED,

	/**
	 * Before the closest passage when the page may not answer exactly what was asked: the patient reads what the page
	 * does say and knows it may not be the answer.
	 */
	CLOSEST_TOPIC,

	/** {@link #CLOSEST_TOPIC} for a patient who wrote in Spanish about content in English: says both in one go. */
	CLOSEST_TOPIC_IN_ENGLISH,

	/** Before a passage in English for a patient who wrote in Spanish: the practice's information is in English. */
	CONTENT_IN_ENGLISH,

	/** A kind word for a message that has nothing to do with the practice: no phone number pushed. */
	OFF_TOPIC,

	/** Fear, worry or frustration acknowledged, before anything else. */
	FEELINGS,

	/** After feelings are acknowledged: a person and the booking. */
	FEELINGS_OFFER,

	GREETING, THANKS, GOODBYE;

	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
