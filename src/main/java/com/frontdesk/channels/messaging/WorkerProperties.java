package com.frontdesk.channels.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The workers that answer messaging channels' messages after their webhook was acknowledged.
 *
 * @param shutdownGrace how long a stop waits for the messages the workers hold; what is not finished by then is
 * handed back as pending, for another instance or the next start
 */
@ConfigurationProperties("frontdesk.channels.workers")
record WorkerProperties(@DefaultValue("10s") Duration shutdownGrace) {

	WorkerProperties {
		if (shutdownGrace.isNegative()) {
			throw new IllegalArgumentException("frontdesk.channels.workers.shutdown-grace must not be negative");
		}
	}

}
