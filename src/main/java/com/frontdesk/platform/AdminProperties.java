package com.frontdesk.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to the admin API.
 *
 * @param token the bearer token admin requests must carry; when unset the admin API is switched off
 */
@ConfigurationProperties("frontdesk.admin")
public record AdminProperties(String token) {

	public boolean enabled() {
		return token != null && !token.isBlank();
	}

}
