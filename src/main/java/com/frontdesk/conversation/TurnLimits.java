package com.frontdesk.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a conversation may get.
 *
 * @param maxTurns most messages in one conversation; a website patient is then asked to start a new conversation,
 * a messaging contact continues in a new one. Emergencies are answered whatever the count
 */
@ConfigurationProperties("frontdesk.limits")
public record TurnLimits(@DefaultValue("50") int maxTurns) {

	public TurnLimits {
		if (maxTurns < 1) {
			throw new IllegalArgumentException("frontdesk.limits.max-turns must be at least 1");
		}
	}

}
