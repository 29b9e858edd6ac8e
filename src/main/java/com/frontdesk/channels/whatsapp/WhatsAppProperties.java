package com.frontdesk.channels.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API channel, and the default practice's number on it (each other practice's is set with it,
 * {@link WhatsAppPracticeSettings}).
 *
 * @param enabled whether {@code /webhooks/whatsapp} is served
 * @param appSecret the Meta app's secret, key of {@code X-Hub-Signature-256} (secret)
 * @param verifyToken the token typed into the webhook settings, echoed in the subscription handshake
 * @param accessToken a system user's access token with {@code whatsapp_business_messaging} (secret)
 * @param phoneNumberId the id of the default practice's business number: messages to it are the default practice's,
 * and its replies are sent from it
 * @param apiBaseUrl the Graph API's base URL, with its version, for every practice
 */
@ConfigurationProperties("frontdesk.channels.whatsapp")
record WhatsAppProperties(@DefaultValue("false") boolean enabled, String appSecret, String verifyToken,
		String accessToken, String phoneNumberId,
		@DefaultValue("https://graph.facebook.com/v23.0") String apiBaseUrl) {

	/** Where messages from that number are sent. */
	String messagesUrl(String fromPhoneNumberId) {
		return apiBaseUrl.replaceFirst("/+$", "") + "/" + fromPhoneNumberId + "/messages";
	}

}
