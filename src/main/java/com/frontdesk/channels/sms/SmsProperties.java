package com.frontdesk.channels.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS channel (Twilio), and the default practice's number on it (each other practice's is set with it,
 * {@link SmsPracticeSettings}).
 *
 * @param enabled whether {@code POST /webhooks/sms} is served
 * @param accountSid the Twilio account's SID ({@code AC...})
 * @param authToken the account's auth token: key of {@code X-Twilio-Signature} and password of the API (secret)
 * @param fromNumber the default practice's Twilio number (E.164, {@code +1...}): texts to it are the default
 * practice's, and its replies are sent from it
 * @param publicUrl the webhook URL exactly as entered in the Twilio console, which Twilio signs
 * @param apiBaseUrl the Twilio REST API's base URL
 */
@ConfigurationProperties("frontdesk.channels.sms")
record SmsProperties(@DefaultValue("false") boolean enabled, String accountSid, String authToken, String fromNumber,
		String publicUrl, @DefaultValue("https://api.twilio.com") String apiBaseUrl) {

	/** Where an account's messages are sent. */
	String messagesUrl(String account) {
		return apiBaseUrl.replaceFirst("/+$", "") + "/2010-04-01/Accounts/" + account + "/Messages.json";
	}

}
