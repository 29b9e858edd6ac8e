package com.frontdesk.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The outbox to the practice as metrics: {@code frontdesk.outbox.backlog} (deliveries not done yet: waiting, being
 * retried or failing) and {@code frontdesk.outbox.failing} (those past the failing threshold, still retried). A
 * backlog that keeps growing means the practice's webhook or mail server is down. Read from the database when
 * scraped, so every instance reports the same shared outbox.
 */
@Component
class NoticeMetrics implements MeterBinder {

	private final PracticeNotifications notifications;

	NoticeMetrics(PracticeNotifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("frontdesk.outbox.backlog", notifications, PracticeNotifications::backlog)
			.description("Deliveries to the practice not done yet (waiting, retried or failing)")
			.register(registry);
		Gauge.builder("frontdesk.outbox.failing", notifications, PracticeNotifications::failing)
			.description("Deliveries to the practice that keep failing (still retried)")
			.register(registry);
	}

}
