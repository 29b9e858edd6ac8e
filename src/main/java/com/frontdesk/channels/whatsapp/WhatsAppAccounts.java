package com.frontdesk.channels.whatsapp;

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
 * Every practice's WhatsApp number: the default practice's from {@code frontdesk.channels.whatsapp.*}, each other
 * practice's from {@code frontdesk.practices[n].channels.whatsapp} (its phone-number id) and
 * {@code frontdesk.practices[n].whatsapp.*}.
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppAccounts {

	@Bean
	PracticeAccounts<WhatsAppAccount> whatsAppPracticeAccounts(WhatsAppProperties defaults,
			WhatsAppPracticeSettings settings,
			Practices practices) {
		Map<PracticeId, WhatsAppAccount> accounts = new LinkedHashMap<>();
		accounts.put(PracticeId.DEFAULT, new WhatsAppAccount(PracticeId.DEFAULT, defaults.phoneNumberId(),
				defaults.accessToken(), defaults.appSecret(), defaults.verifyToken()));
		for (Practice practice : practices.all()) {
			practice.channelAccount(WhatsAppNotifications.CHANNEL).ifPresent(number -> {
				WhatsAppPracticeSettings.Credentials own = settings.of(practice.id());
				accounts.put(practice.id(), new WhatsAppAccount(practice.id(), number,
						Settings.orDefault(own.accessToken(), defaults.accessToken()),
						Settings.orDefault(own.appSecret(), defaults.appSecret()),
						Settings.orDefault(own.verifyToken(), defaults.verifyToken())));
			});
		}
		return new PracticeAccounts<>(WhatsAppNotifications.CHANNEL, accounts, WhatsAppAccount::phoneNumberId);
	}

}
