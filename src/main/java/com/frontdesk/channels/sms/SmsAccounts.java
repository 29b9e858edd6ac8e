package com.frontdesk.channels.sms;

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
 * Every practice's Twilio number: the default practice's from {@code frontdesk.channels.sms.*}, each other practice's
 * from {@code frontdesk.practices[n].channels.sms} (its number) and {@code frontdesk.practices[n].sms.*}.
 */
@Configuration(proxyBeanMethods = false)
class SmsAccounts {

	@Bean
	PracticeAccounts<SmsAccount> smsPracticeAccounts(SmsProperties defaults, SmsPracticeSettings settings,
			Practices practices) {
		Map<PracticeId, SmsAccount> accounts = new LinkedHashMap<>();
		accounts.put(PracticeId.DEFAULT, new SmsAccount(PracticeId.DEFAULT, defaults.fromNumber(),
				defaults.accountSid(), defaults.authToken(), defaults.publicUrl()));
		for (Practice practice : practices.all()) {
			practice.channelAccount(SmsWebhook.CHANNEL).ifPresent(number -> {
				SmsPracticeSettings.Credentials own = settings.of(practice.id());
				accounts.put(practice.id(), new SmsAccount(practice.id(), number,
						Settings.orDefault(own.accountSid(), defaults.accountSid()),
						Settings.orDefault(own.authToken(), defaults.authToken()),
						Settings.orDefault(own.publicUrl(), defaults.publicUrl())));
			});
		}
		return new PracticeAccounts<>(SmsWebhook.CHANNEL, accounts, SmsAccount::number);
	}

}
