package com.frontdesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances sharing one database tell each other they are alive.
 *
 * @param heartbeat how often an instance refreshes its row (and looks for work another instance left)
 * @param staleAfter after how long without a heartbeat an instance counts as gone: its unfinished work is taken
 * over
 */
@ConfigurationProperties("frontdesk.instances")
public record InstanceProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("30s") Duration staleAfter) {

	public InstanceProperties {
		if (heartbeat.isNegative() || heartbeat.isZero() || staleAfter.compareTo(heartbeat) <= 0) {
			throw new IllegalArgumentException(
					"frontdesk.instances.heartbeat must be positive and shorter than frontdesk.instances.stale-after");
		}
	}

}
