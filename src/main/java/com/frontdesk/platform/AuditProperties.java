package com.frontdesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log of staff access ({@link AuditLog}).
 *
 * @param keepFor how long an entry is kept (six years by default, as HIPAA keeps its records); older entries are
 * forgotten at the heartbeat
 */
@ConfigurationProperties("frontdesk.audit")
record AuditProperties(@DefaultValue("2192d") Duration keepFor) {

	AuditProperties {
		if (keepFor.isNegative() || keepFor.isZero()) {
			throw new IllegalArgumentException("frontdesk.audit.keep-for must be positive");
		}
	}

}
