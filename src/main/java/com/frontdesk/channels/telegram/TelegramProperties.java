package com.frontdesk.channels.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Telegram channel, and the default practice's bot on it (each other practice's is set with it,
 * {@link TelegramPracticeSettings}).
 *
 * @param enabled whether {@code POST /webhooks/telegram} (the default practice's bot) and
 * {@code POST /webhooks/telegram/<practice>} are served
 * @param botToken the default practice's bot's token from BotFather (secret)
 * @param secretToken the {@code secret_token} given to {@code setWebhook}; every update must carry it
 * @param apiBaseUrl the Bot API's base URL, for every practice
 */
@ConfigurationProperties("frontdesk.channels.telegram")
record TelegramProperties(@DefaultValue("false") boolean enabled, String botToken, String secretToken,
		@DefaultValue("https://api.telegram.org") String apiBaseUrl) {

	/** Where the bot with that token sends. */
	String sendMessageUrl(String token) {
		return apiBaseUrl.replaceFirst("/+$", "") + "/bot" + token + "/sendMessage";
	}

}
