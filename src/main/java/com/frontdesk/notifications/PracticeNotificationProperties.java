package com.frontdesk.notifications;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each further practice's own notification targets ({@code frontdesk.practices[n].notifications.webhook.*} and
 * {@code .email.*}, the same keys as {@code frontdesk.notifications.webhook} and {@code .email}). The practice module
 * owns the rest of {@code frontdesk.practices[n]}; where its notices go is this module's.
 *
 * @param practices the further practices, in the order of {@code frontdesk.practices}
 */
@ConfigurationProperties("frontdesk")
public record PracticeNotificationProperties(List<Entry> practices) {

	public PracticeNotificationProperties {
		practices = practices == null ? List.of() : List.copyOf(practices);
		for (int n = 0; n < practices.size(); n++) {
			practices.get(n).notifications().check("frontdesk.practices[" + n + "].notifications");
		}
	}

	/**
	 * @param id the practice's id
	 * @param notifications its own targets; none: its notices go to the deployment's ({@code frontdesk.notifications})
	 */
	public record Entry(String id, @DefaultValue Targets notifications) {

		@Override
		public String toString() {
			return "PracticeNotifications[" + id + "]";
		}

	}

	/**
	 * @param webhook its HTTPS endpoint, if any
	 * @param email its inbox, if any
	 */
	public record Targets(@DefaultValue NotificationProperties.Webhook webhook, @DefaultValue NotificationProperties.Email email) {

		/** True when the practice set a target of its own (then the deployment's are not used for it). */
		boolean any() {
			return webhook.configured() || email.configured();
		}

		void check(String prefix) {
			webhook.check(prefix + ".webhook");
		}

	}

}
