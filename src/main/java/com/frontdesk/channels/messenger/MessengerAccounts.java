package com.frontdesk.channels.messenger;

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
 * Every practice's Facebook page: the default practice's from {@code frontdesk.channels.messenger.*}, each other
 * practice's from {@code frontdesk.practices[n].channels.messenger} (its page id) and
 * {@code frontdesk.practices[n].messenger.*}.
 */
@Configuration(proxyBeanMethods = false)
class MessengerAccounts {

	@Bean
	PracticeAccounts<MessengerAccount> messengerPracticeAccounts(MessengerProperties defaults,
			MessengerPracticeSettings settings, Practices practices) {
		Map<PracticeId, MessengerAccount> accounts = new LinkedHashMap<>();
		accounts.put(PracticeId.DEFAULT, new MessengerAccount(PracticeId.DEFAULT, defaults.pageId(),
				defaults.pageAccessToken(), defaults.appSecret(), defaults.verifyToken()));
		for (Practice practice : practices.all()) {
			practice.channelAccount(MessengerEvents.CHANNEL).ifPresent(page -> {
				MessengerPracticeSettings.Credentials own = settings.of(practice.id());
				accounts.put(practice.id(), new MessengerAccount(practice.id(), page, own.pageAccessToken(),
						Settings.orDefault(own.appSecret(), defaults.appSecret()),
						Settings.orDefault(own.verifyToken(), defaults.verifyToken())));
			});
		}
		return new PracticeAccounts<>(MessengerEvents.CHANNEL, accounts, MessengerAccount::pageId);
	}

}
