package com.frontdesk.channels.messaging;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeId;

/**
 * Sends the messages of one reply in order, from the practice's account, retrying 429, 5xx and network failures with
 * bounded backoff.
 */
@Component
class OutboundDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

	private final OutboundProperties properties;

	OutboundDelivery(OutboundProperties properties) {
		this.properties = properties;
	}

	/**
	 * @throws DeliveryFailed when a message finally fails; the messages before it were sent
	 */
	void deliver(MessagingChannel channel, PracticeId practice, String recipient, List<String> parts) {
		for (int i = 0; i < parts.size(); i++) {
			sendWithRetry(channel, practice, recipient, parts.get(i), i + 1, parts.size());
		}
	}

	private void sendWithRetry(MessagingChannel channel, PracticeId practice, String recipient, String text, int part,
			int parts) {
		for (int attempt = 1;; attempt++) {
			try {
				channel.send(practice, recipient, text);
				return;
			}
			catch (SendFailed ex) {
				String where = channel.name() + " message " + part + "/" + parts;
				if (!ex.retryable() || attempt >= properties.maxAttempts()) {
					throw new DeliveryFailed("send failed: " + ex.getMessage() + " after " + attempt
							+ (attempt == 1 ? " attempt" : " attempts") + " (" + where + ")");
				}
				Duration wait = backoff(attempt, ex);
				log.info("Retrying {} in {} ms after {}", where, wait.toMillis(), ex.getMessage());
				pause(wait, where);
			}
		}
	}

	Duration backoff(int attempt, SendFailed failure) {
		Duration exponential = properties.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		Duration wait = failure.retryAfter().filter(after -> after.compareTo(exponential) > 0).orElse(exponential);
		return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
	}

	private static void pause(Duration wait, String where) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("send interrupted (" + where + ")");
		}
	}

}
