package com.frontdesk.channels.messenger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Facebook Messenger channel.
 *
 * @param enabled whether {@code /webhooks/messenger} is served
 * @param appSecret the Meta app's secret, key of {@code X-Hub-Signature-256} (secret)
 * @param verifyToken the token typed into the webhook settings, echoed in the subscription handshake
 * @param pageAccessToken the Facebook page's access token with {@code pages_messaging} (secret)
 * @param apiBaseUrl the Graph API's base URL, with its version
 */
@ConfigurationProperties("frontdesk.channels.messenger")
record MessengerProperties(@DefaultValue("false") boolean enabled, String appSecret, String verifyToken,
		String pageAccessToken, @DefaultValue("https://graph.facebook.com/v23.0") String apiBaseUrl) {

	String sendUrl() {
		return apiBaseUrl.replaceFirst("/+$", "") + "/me/messages?access_token="
				+ java.net.URLEncoder.encode(pageAccessToken == null ? "" : pageAccessToken,
						java.nio.charset.StandardCharsets.UTF_8);
	}

}
