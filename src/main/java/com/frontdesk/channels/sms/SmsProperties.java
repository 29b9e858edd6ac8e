package com.frontdesk.channels.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS channel (Twilio).
 *
 * @param enabled whether {@code POST /webhooks/sms} is served
 * @param accountSid the Twilio account's SID ({@code AC...})
 * @param authToken the account's auth token: key of {@code X-Twilio-Signature} and password of the API (secret)
 * @param fromNumber the practice's Twilio number replies are sent from (E.164, {@code +1...})
 * @param publicUrl the webhook URL exactly as entered in the Twilio console, which Twilio signs
 * @param apiBaseUrl the Twilio REST API's base URL
 */
@ConfigurationProperties("frontdesk.channels.sms")
record SmsProperties(@DefaultValue("false") boolean enabled, String accountSid, String authToken, String fromNumber,
		String publicUrl, @DefaultValue("https://api.twilio.com") String apiBaseUrl) {

	String messagesUrl() {
		return apiBaseUrl.replaceFirst("/+$", "") + "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
	}

}
