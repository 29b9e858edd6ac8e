package com.frontdesk.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Callback requests: what the patient agrees to, how their phone number is read, and when two requests are one.
 *
 * @param consentText the consent to be contacted the patient confirms, stored word for word with each request;
 * {@code {practice}} stands for the practice's name. Have it checked for your jurisdiction. Unset (the default): the
 * wording of the message bundles ({@code callback.consent}), in English or Spanish as the patient reads; set: this
 * one wording, in every language
 * @param defaultCountryCode the country calling code of numbers typed without one ({@code 1}: North America);
 * empty: such numbers are kept as digits
 * @param mergeWindow a second request from the same conversation with the same phone number within this time is the
 * same request (double clicks, resent forms)
 * @param maxReasonLength longest reason accepted, in characters
 * @param formTimeout a callback request started on a messaging channel and left unanswered this long is abandoned
 */
@ConfigurationProperties("frontdesk.callbacks")
public record CallbackProperties(
		String consentText,
		@DefaultValue("1") String defaultCountryCode, @DefaultValue("10m") Duration mergeWindow,
		@DefaultValue("500") int maxReasonLength, @DefaultValue("30m") Duration formTimeout) {

	public CallbackProperties {
		if (consentText != null && consentText.isBlank()) {
			throw new IllegalArgumentException("frontdesk.callbacks.consent-text must not be empty");
		}
		if (maxReasonLength < 1 || maxReasonLength > 1000) {
			throw new IllegalArgumentException("frontdesk.callbacks.max-reason-length must be between 1 and 1000");
		}
	}

}
