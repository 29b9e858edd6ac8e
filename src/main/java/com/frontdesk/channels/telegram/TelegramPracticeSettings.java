package com.frontdesk.channels.telegram;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

/**
 * Each further practice's Telegram bot, {@code frontdesk.practices[n].telegram.*}. Its updates come to
 * {@code /webhooks/telegram/<practice id>} (the URL given to {@code setWebhook} with its secret token).
 *
 * @param practices the practices' entries (only their {@code id} and {@code telegram} are read here)
 */
@ConfigurationProperties("frontdesk")
record TelegramPracticeSettings(List<Entry> practices) {

	TelegramPracticeSettings {
		practices = practices == null ? List.of() : List.copyOf(practices);
	}

	/**
	 * @param botToken the practice's bot's token from BotFather (secret)
	 * @param secretToken the {@code secret_token} given to its {@code setWebhook}; unset, the default practice's
	 */
	record Credentials(String botToken, String secretToken) {

		@Override
		public String toString() {
			return "Credentials[...]";
		}

	}

	record Entry(String id, Credentials telegram) {
	}

	Credentials of(PracticeId practice) {
		return Settings.ofPractice(practices, Entry::id, Entry::telegram, practice).orElse(new Credentials(null, null));
	}

}
