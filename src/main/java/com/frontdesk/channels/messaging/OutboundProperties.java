package com.frontdesk.channels.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of outbound messages on every messaging channel.
 *
 * @param maxAttempts most attempts to send one message (429, 5xx and network failures are retried)
 * @param initialBackoff wait before the second attempt; it doubles with each further attempt
 * @param maxBackoff longest wait between attempts, also the cap on a platform's {@code Retry-After}
 */
@ConfigurationProperties("frontdesk.channels.outbound")
record OutboundProperties(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff) {
}
