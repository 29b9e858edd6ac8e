package com.frontdesk.channels.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API channel.
 *
 * @param enabled whether {@code /webhooks/whatsapp} is served
 * @param appSecret the Meta app's secret, key of {@code X-Hub-Signature-256} (secret)
 * @param verifyToken the token typed into the webhook settings, echoed in the subscription handshake
 * @param accessToken a system user's access token with {@code whatsapp_business_messaging} (secret)
 * @param phoneNumberId the business phone number's id, which replies are sent from
 * @param apiBaseUrl the Graph API's base URL, with its version
 */
@ConfigurationProperties("frontdesk.channels.whatsapp")
record WhatsAppProperties(@DefaultValue("false") boolean enabled, String appSecret, String verifyToken,
		String accessToken, String phoneNumberId,
		@DefaultValue("https://graph.facebook.com/v23.0") String apiBaseUrl) {

	String messagesUrl() {
		return apiBaseUrl.replaceFirst("/+$", "") + "/" + phoneNumberId + "/messages";
	}

}
