package com.frontdesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long patient data is kept.
 *
 * @param conversations how long a conversation is kept after its last message: then it is deleted with its turns,
 * the messaging channels' messages of that time and the contacts linked to it
 * @param callbackRequests how long a callback request (name, phone, reason) is kept after it was made
 * @param interval how often the purge runs
 * @param batchSize how many conversations one delete statement removes (keeps transactions short)
 */
@ConfigurationProperties("frontdesk.retention")
public record RetentionProperties(@DefaultValue("90d") Duration conversations,
		@DefaultValue("90d") Duration callbackRequests, @DefaultValue("1h") Duration interval,
		@DefaultValue("500") int batchSize) {

	public RetentionProperties {
		if (conversations.isNegative() || conversations.isZero() || callbackRequests.isNegative()
				|| callbackRequests.isZero()) {
			throw new IllegalArgumentException("frontdesk.retention.* periods must be positive");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("frontdesk.retention.batch-size must be at least 1");
		}
	}

}
