package com.frontdesk.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.frontdesk.notifications.NoticeStore.StoredNotice;
import com.frontdesk.practice.PracticeId;

/**
 * Delivers notices to the practice's webhook ({@code frontdesk.notifications.webhook.url}, or the practice's own
 * {@code frontdesk.practices[n].notifications.webhook.url}): the notice's JSON as the
 * body, byte for byte the same on every attempt, with
 * <ul>
 * <li>{@code Idempotency-Key}: the notice's id, the same on every attempt, so the practice can drop repeats;</li>
 * <li>{@code X-Frontdesk-Timestamp}: Unix seconds of this attempt;</li>
 * <li>{@code X-Frontdesk-Signature: sha256=<hex>}: HMAC-SHA256 with the shared secret over
 * {@code <timestamp>.<raw body>}, so a receiver can check both who sent it and that it is fresh.</li>
 * </ul>
 * Any 2xx is delivered; anything else, a redirect included, is retried.
 */
@Component
class WebhookTarget implements NoticeTarget {

	static final String SIGNATURE_HEADER = "X-Frontdesk-Signature";

	static final String TIMESTAMP_HEADER = "X-Frontdesk-Timestamp";

	private final NoticeDestinations destinations;

	private final Clock clock;

	/** Made for the first notice (the client reads the trust store, which a start without a webhook never needs). */
	private volatile HttpClient http;

	WebhookTarget(NoticeDestinations destinations, Clock clock) {
		this.destinations = destinations;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public boolean configured(PracticeId practice) {
		return destinations.webhook(practice).configured();
	}

	/**
	 * HTTP/1.1: over plain http the JDK client would otherwise offer an h2c upgrade on the POST, which some small
	 * web servers a practice might run reject or mishandle when the request has a body.
	 */
	private HttpClient http() {
		HttpClient client = http;
		if (client == null) {
			synchronized (this) {
				if (http == null) {
					http = HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(Duration.ofSeconds(5))
						.followRedirects(HttpClient.Redirect.NEVER)
						.build();
				}
				client = http;
			}
		}
		return client;
	}

	@Override
	public void deliver(StoredNotice notice) {
		NotificationProperties.Webhook webhook = destinations.webhook(notice.practice());
		byte[] body = notice.payload().getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url().strip()))
			.timeout(webhook.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Frontdesk")
			.header("Idempotency-Key", notice.key())
			.header("X-Frontdesk-Event", notice.type())
			.header(TIMESTAMP_HEADER, timestamp)
			.header(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = http().send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new NoticeNotDelivered("network: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NoticeNotDelivered("interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw new NoticeNotDelivered("HTTP " + response.statusCode());
		}
	}

	/** Lower-case hex HMAC-SHA256 of {@code <timestamp>.<body>} with the shared secret. */
	static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 not available", ex);
		}
	}

}
