package com.frontdesk.channels.messenger;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

/**
 * Each further practice's Messenger settings, {@code frontdesk.practices[n].messenger.*}; its page id is
 * {@code frontdesk.practices[n].channels.messenger}. Its page's access token is its own; the app secret and verify
 * token it leaves unset are the default practice's ({@code frontdesk.channels.messenger.*}), as for pages on one app.
 *
 * @param practices the practices' entries (only their {@code id} and {@code messenger} are read here)
 */
@ConfigurationProperties("frontdesk")
record MessengerPracticeSettings(List<Entry> practices) {

	MessengerPracticeSettings {
		practices = practices == null ? List.of() : List.copyOf(practices);
	}

	/**
	 * @param pageAccessToken the practice's page access token (secret)
	 * @param appSecret the secret of the Meta app its page is on, when not the default practice's (secret)
	 * @param verifyToken that app's webhook verify token, when not the default practice's
	 */
	record Credentials(String pageAccessToken, String appSecret, String verifyToken) {

		@Override
		public String toString() {
			return "Credentials[...]";
		}

	}

	record Entry(String id, Credentials messenger) {
	}

	Credentials of(PracticeId practice) {
		return Settings.ofPractice(practices, Entry::id, Entry::messenger, practice).orElse(new Credentials(null, null, null));
	}

}
