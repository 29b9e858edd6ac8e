package com.frontdesk.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how notices to the practice are delivered (see {@link PracticeNotifications}).
 *
 * @param webhook the practice's HTTPS endpoint, if any
 * @param email the practice's inbox, if any (SMTP server under {@code spring.mail.*})
 * @param pollInterval how often the outbox is looked at for due deliveries (new notices are sent at once)
 * @param initialBackoff the wait after a first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between attempts: a delivery that keeps failing is retried this often, forever
 * @param lease how long an instance may hold a delivery it is attempting before another instance may take it over
 * @param failingAfter after this many failed attempts a delivery is reported as failing (and still retried)
 * @param batchSize most deliveries one poll attempts
 */
@ConfigurationProperties("frontdesk.notifications")
public record NotificationProperties(@DefaultValue Webhook webhook, @DefaultValue Email email,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("10s") Duration initialBackoff,
		@DefaultValue("15m") Duration maxBackoff, @DefaultValue("2m") Duration lease,
		@DefaultValue("5") int failingAfter, @DefaultValue("20") int batchSize) {

	/**
	 * @param url where notices are POSTed as JSON; empty: no webhook
	 * @param secret the shared secret the body is signed with (HMAC-SHA256); required with {@code url}
	 * @param timeout longest one delivery may take
	 */
	public record Webhook(String url, String secret, @DefaultValue("10s") Duration timeout) {

		public boolean configured() {
			return url != null && !url.isBlank();
		}

		void check(String prefix) {
			if (!configured()) {
				return;
			}
			URI uri;
			try {
				uri = URI.create(url.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(prefix + ".url is not a URL");
			}
			if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				throw new IllegalArgumentException(prefix + ".url must be an http(s) URL");
			}
			if (secret == null || secret.isBlank()) {
				throw new IllegalArgumentException(
						prefix + ".secret is required with webhook.url: the practice checks it");
			}
		}

		@Override
		public String toString() {
			return "Webhook[url=" + url + ", secret=" + (secret == null ? "unset" : "set") + "]";
		}

	}

	/**
	 * @param to the practice's addresses; empty: no e-mail
	 * @param from the sender address; empty: the first {@code to} address
	 */
	public record Email(List<String> to, String from) {

		public Email {
			to = to == null ? List.of() : to.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
		}

		public boolean configured() {
			return !to.isEmpty();
		}

		String sender() {
			return from == null || from.isBlank() ? to.get(0) : from.strip();
		}

	}

	public NotificationProperties {
		if (webhook != null) {
			webhook.check("frontdesk.notifications.webhook");
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("frontdesk.notifications: 0 < initial-backoff <= max-backoff");
		}
		if (failingAfter < 1 || batchSize < 1) {
			throw new IllegalArgumentException("frontdesk.notifications: failing-after and batch-size must be positive");
		}
	}

}
