package com.frontdesk.channels.sms;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

/**
 * Each further practice's SMS settings, {@code frontdesk.practices[n].sms.*}; its Twilio number is
 * {@code frontdesk.practices[n].channels.sms}. What it leaves unset is the default practice's
 * ({@code frontdesk.channels.sms.*}): numbers of one Twilio account share its SID and auth token, and numbers whose
 * webhook is the same URL share the public URL.
 *
 * @param practices the practices' entries (only their {@code id} and {@code sms} are read here)
 */
@ConfigurationProperties("frontdesk")
record SmsPracticeSettings(List<Entry> practices) {

	SmsPracticeSettings {
		practices = practices == null ? List.of() : List.copyOf(practices);
	}

	/**
	 * @param accountSid the Twilio account its number is on, when not the default practice's
	 * @param authToken that account's auth token (secret)
	 * @param publicUrl the webhook URL of its number as entered in the Twilio console, when not the default
	 * practice's
	 */
	record Credentials(String accountSid, String authToken, String publicUrl) {

		@Override
		public String toString() {
			return "Credentials[...]";
		}

	}

	record Entry(String id, Credentials sms) {
	}

	Credentials of(PracticeId practice) {
		return Settings.ofPractice(practices, Entry::id, Entry::sms, practice).orElse(new Credentials(null, null, null));
	}

}
