package com.frontdesk.channels.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram channel.
 *
 * @param enabled whether {@code POST /webhooks/telegram} is served
 * @param botToken the bot's token from BotFather (secret)
 * @param secretToken the {@code secret_token} given to {@code setWebhook}; every update must carry it
 * @param apiBaseUrl the Bot API's base URL
 */
@ConfigurationProperties("frontdesk.channels.telegram")
record TelegramProperties(@DefaultValue("false") boolean enabled, String botToken, String secretToken,
		@DefaultValue("https://api.telegram.org") String apiBaseUrl) {

	String sendMessageUrl() {
		return apiBaseUrl.replaceFirst("/+$", "") + "/bot" + botToken + "/sendMessage";
	}

}
