package com.frontdesk.channels.messenger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Facebook Messenger channel, and the default practice's page on it (each other practice's is set with it,
 * {@link MessengerPracticeSettings}).
 *
 * @param enabled whether {@code /webhooks/messenger} is served
 * @param appSecret the Meta app's secret, key of {@code X-Hub-Signature-256} (secret)
 * @param verifyToken the token typed into the webhook settings, echoed in the subscription handshake
 * @param pageAccessToken the Facebook page's access token with {@code pages_messaging} (secret)
 * @param pageId the default practice's page id: events for it are the default practice's. Unset, the default
 * practice takes the events of any page, as long as no other practice has a page
 * @param apiBaseUrl the Graph API's base URL, with its version
 */
@ConfigurationProperties("frontdesk.channels.messenger")
record MessengerProperties(@DefaultValue("false") boolean enabled, String appSecret, String verifyToken,
		String pageAccessToken, String pageId, @DefaultValue("https://graph.facebook.com/v23.0") String apiBaseUrl) {

	/** Where a page with that access token sends. */
	String sendUrl(String accessToken) {
		return apiBaseUrl.replaceFirst("/+$", "") + "/me/messages?access_token="
				+ java.net.URLEncoder.encode(accessToken == null ? "" : accessToken,
						java.nio.charset.StandardCharsets.UTF_8);
	}

}
