package com.frontdesk.channels.whatsapp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

/**
 * Each further practice's WhatsApp settings, {@code frontdesk.practices[n].whatsapp.*}; its phone-number id is
 * {@code frontdesk.practices[n].channels.whatsapp}. What a practice leaves unset is the default practice's
 * ({@code frontdesk.channels.whatsapp.*}): practices on one Meta app share its app secret and verify token, and a
 * system user's token may send for every number of the business.
 *
 * @param practices the practices' entries (only their {@code id} and {@code whatsapp} are read here)
 */
@ConfigurationProperties("frontdesk")
record WhatsAppPracticeSettings(List<Entry> practices) {

	WhatsAppPracticeSettings {
		practices = practices == null ? List.of() : List.copyOf(practices);
	}

	/**
	 * @param accessToken the access token that sends from the practice's number (secret)
	 * @param appSecret the secret of the Meta app the practice's number is on, when not the default practice's (secret)
	 * @param verifyToken that app's webhook verify token, when not the default practice's
	 */
	record Credentials(String accessToken, String appSecret, String verifyToken) {

		@Override
		public String toString() {
			return "Credentials[...]";
		}

	}

	record Entry(String id, Credentials whatsapp) {
	}

	Credentials of(PracticeId practice) {
		return Settings.ofPractice(practices, Entry::id, Entry::whatsapp, practice).orElse(new Credentials(null, null, null));
	}

}
