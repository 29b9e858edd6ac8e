package com.frontdesk.channels.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Every practice's Telegram bot: the default practice's from {@code frontdesk.channels.telegram.*}, each other
 * practice's from {@code frontdesk.practices[n].telegram.*}. A bot is told apart by the webhook path its updates come
 * to, which names the practice.
 */
@Configuration(proxyBeanMethods = false)
class TelegramAccounts {

	@Bean
	PracticeAccounts<TelegramAccount> telegramPracticeAccounts(TelegramProperties defaults,
			TelegramPracticeSettings settings, Practices practices) {
		Map<PracticeId, TelegramAccount> accounts = new LinkedHashMap<>();
		accounts.put(PracticeId.DEFAULT, new TelegramAccount(PracticeId.DEFAULT, defaults.botToken(),
				defaults.secretToken()));
		for (Practice practice : practices.all()) {
			TelegramPracticeSettings.Credentials own = settings.of(practice.id());
			boolean onTelegram = own.botToken() != null || practice.channelAccount(TelegramUpdates.CHANNEL).isPresent();
			if (!practice.id().isDefault() && onTelegram) {
				// A bot named in channels.telegram without its token is listed, so start-up names the missing token.
				accounts.put(practice.id(), new TelegramAccount(practice.id(), own.botToken(),
						Settings.orDefault(own.secretToken(), defaults.secretToken())));
			}
		}
		return new PracticeAccounts<>(TelegramUpdates.CHANNEL, accounts, account -> account.practice().value());
	}

}
