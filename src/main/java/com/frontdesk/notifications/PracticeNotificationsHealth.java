package com.frontdesk.notifications;

import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Health shows where notices to the practice go (the default practice's, and each practice's when there are several) and how many are waiting or failing. It stays UP while the
 * practice's webhook or SMTP server is down: the outbox keeps the notices and retries, and patients are still served.
 */
@Component("practiceNotificationsHealthIndicator")
class PracticeNotificationsHealth implements HealthIndicator {

	private final PracticeNotifications notifications;

	private final NoticeDispatcher dispatcher;

	private final Practices practices;

	PracticeNotificationsHealth(PracticeNotifications notifications, NoticeDispatcher dispatcher, Practices practices) {
		this.notifications = notifications;
		this.dispatcher = dispatcher;
		this.practices = practices;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("targets", dispatcher.configuredTargets(PracticeId.DEFAULT))
			.withDetail("backlog", notifications.backlog())
			.withDetail("failing", notifications.failing());
		if (practices.several()) {
			health.withDetail("targetsByPractice", new TreeMap<>(dispatcher.targetsByPractice()));
		}
		return health.build();
	}

}
