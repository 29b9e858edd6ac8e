package com.frontdesk.conversation;

import java.util.Locale;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;

/**
 * One message from a patient, as every channel hands it to {@link TurnPipeline}: which practice it was written to,
 * where from, in which conversation, what it says, and what the channel knows of the patient's language and page.
 *
 * @param practice the practice the patient writes to (the widget's {@code data-practice}, the messaging account)
 * @param channel where it came from
 * @param conversationId the conversation it continues, or {@code null} to start one
 * @param message what the patient wrote
 * @param language the language the channel says the patient reads (the widget's page language, a platform's
 * locale) as a primary subtag ({@code en}, {@code es}), or {@code null} when it does not say: a hint for a message
 * too short to tell, never stronger than what the message itself is written in
 * @param page the web page the patient is on (origin and path, no query), or {@code null}: kept with a new
 * conversation so staff see where it started
 */
public record TurnRequest(Practice practice, Channel channel, String conversationId, String message, String language,
		String page) {

	public TurnRequest {
		if (practice == null || channel == null) {
			throw new IllegalArgumentException("A turn belongs to a practice and comes from a channel");
		}
		language = language == null || !language.matches("[A-Za-z]{2,3}") ? null : language.toLowerCase(Locale.ROOT);
		page = page == null || page.isBlank() ? null : page;
	}

	/** A message from a channel that knows neither the patient's language nor a page. */
	public TurnRequest(Practice practice, Channel channel, String conversationId, String message) {
		this(practice, channel, conversationId, message, null, null);
	}

	Audience audience(boolean spanish) {
		return new Audience(practice, spanish);
	}

	/** True when the channel says the patient reads Spanish. */
	boolean readsSpanish() {
		return "es".equals(language);
	}

}
