package com.frontdesk.booking;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health shows where notices to the practice go and how many are waiting or failing. It stays UP while the
 * practice's webhook or SMTP server is down: the outbox keeps the notices and retries, and patients are still served.
 */
@Component("practiceNotificationsHealthIndicator")
class PracticeNotificationsHealth implements HealthIndicator {

	private final PracticeNotifications notifications;

	private final NoticeDispatcher dispatcher;

	PracticeNotificationsHealth(PracticeNotifications notifications, NoticeDispatcher dispatcher) {
		this.notifications = notifications;
		this.dispatcher = dispatcher;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("targets", dispatcher.configuredTargets())
			.withDetail("backlog", notifications.backlog())
			.withDetail("failing", notifications.failing())
			.build();
	}

}
