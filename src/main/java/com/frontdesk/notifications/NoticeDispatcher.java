package com.frontdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.frontdesk.notifications.NoticeStore.Delivery;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Works through the outbox on virtual threads: every {@code poll-interval}, and at once when a notice is added, it
 * takes the due deliveries (with a lease, so another instance never attempts the same one at the same time) and
 * attempts each. A failed attempt is retried after a backoff that doubles up to {@code max-backoff}, and then at
 * that interval for as long as it takes: nothing is dropped. After {@code failing-after} failures a delivery is
 * reported as failing. Stopping lets the attempts under way finish; a stop in the middle of one (a crash) leaves it
 * to be taken again when its lease runs out. Logs name notices by row id and type, never their content.
 */
@Component
class NoticeDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

	private final NoticeStore store;

	private final NotificationProperties properties;

	private final Map<String, NoticeTarget> targets;

	private final Practices practices;

	private final Clock clock;

	/** This instance's name on the deliveries it holds. */
	private final String owner = UUID.randomUUID().toString();

	private ScheduledExecutorService scheduler;

	private ExecutorService attempts;

	private volatile boolean running;

	NoticeDispatcher(NoticeStore store, NotificationProperties properties, List<NoticeTarget> targets,
			Practices practices, Clock clock) {
		this.practices = practices;
		this.store = store;
		this.properties = properties;
		this.targets = targets.stream().collect(Collectors.toUnmodifiableMap(NoticeTarget::name, Function.identity()));
		this.clock = clock;
	}

	/** The targets a practice's notices are delivered to (webhook, e-mail), by name. */
	List<String> configuredTargets(PracticeId practice) {
		return targets.values()
			.stream()
			.filter(target -> target.configured(practice))
			.map(NoticeTarget::name)
			.sorted()
			.toList();
	}

	/** Every practice's targets, by practice id, in the order of the practices. */
	Map<String, List<String>> targetsByPractice() {
		Map<String, List<String>> targets = new LinkedHashMap<>();
		practices.all().forEach(practice -> targets.put(practice.id().value(), configuredTargets(practice.id())));
		return targets;
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("practice-notices").factory());
		attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("practice-notice-", 0).factory());
		running = true;
		Map<String, List<String>> reached = new LinkedHashMap<>(targetsByPractice());
		List<String> unreached = reached.keySet().stream().filter(practice -> reached.get(practice).isEmpty()).toList();
		reached.keySet().removeAll(unreached);
		// one line each, however many practices there are
		if (!unreached.isEmpty()) {
			log.warn("Notices to the practice (callback requests) of {} are not delivered anywhere: set "
					+ "frontdesk.notifications.webhook.url or frontdesk.notifications.email.to (or a practice's own "
					+ "frontdesk.practices[n].notifications.*). They stay in the admin API.", unreached);
		}
		if (!reached.isEmpty()) {
			log.info("Notices to the practice are delivered to: {}", reached);
		}
		long interval = properties.pollInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** Looks at the outbox now (a notice was just added). */
	void wake() {
		if (!running) {
			return;
		}
		try {
			scheduler.execute(this::pollSafely);
		}
		catch (RejectedExecutionException ex) {
			// stopping: the next start picks it up
		}
	}

	private void pollSafely() {
		try {
			while (running && poll() == properties.batchSize()) {
				// a full batch: there may be more due right now
			}
		}
		catch (RuntimeException ex) {
			log.warn("Looking at the outbox failed ({}); trying again in {}", ex.getClass().getSimpleName(),
					properties.pollInterval());
		}
	}

	/** Attempts the due deliveries this instance could take; returns how many it took. */
	int poll() {
		Instant now = clock.instant();
		List<Delivery> taken = new ArrayList<>();
		for (long id : store.due(now, properties.batchSize())) {
			store.claim(id, owner, now, now.plus(properties.lease())).ifPresent(taken::add);
		}
		List<Future<?>> underWay = new ArrayList<>();
		for (Delivery delivery : taken) {
			underWay.add(attempts.submit(() -> attempt(delivery)));
		}
		for (Future<?> attempt : underWay) {
			await(attempt);
		}
		return taken.size();
	}

	private void attempt(Delivery delivery) {
		NoticeTarget target = targets.get(delivery.target());
		NoticeStore.StoredNotice notice = store.notice(delivery.noticeId());
		if (target == null || !target.configured(notice.practice())) {
			store.release(delivery.id(), owner, clock.instant().plus(properties.maxBackoff()));
			return;
		}
		try {
			target.deliver(notice);
			if (store.delivered(delivery.id(), owner, clock.instant())) {
				log.info("Delivered {} notice #{} to the practice's {} (attempt {})", notice.type(), notice.id(),
						target.name(), delivery.attempts() + 1);
			}
		}
		catch (RuntimeException ex) {
			failed(delivery, notice, target, ex instanceof NoticeNotDelivered ? ex.getMessage()
					: "error: " + ex.getClass().getSimpleName());
		}
	}

	private void failed(Delivery delivery, NoticeStore.StoredNotice notice, NoticeTarget target, String reason) {
		int failures = delivery.attempts() + 1;
		Duration wait = backoff(failures);
		boolean failing = failures >= properties.failingAfter();
		store.failed(delivery.id(), owner, failures, failing ? NoticeStore.FAILING : NoticeStore.PENDING,
				clock.instant().plus(wait), reason);
		if (failing) {
			log.warn("{} notice #{} to the practice's {} is failing: {} after {} attempts; retrying in {}", notice.type(),
					notice.id(), target.name(), reason, failures, wait);
		}
		else {
			log.info("{} notice #{} to the practice's {} not delivered: {}; retrying in {}", notice.type(), notice.id(),
					target.name(), reason, wait);
		}
	}

	/** The wait after the given number of failures: doubling from {@code initial-backoff}, capped. */
	Duration backoff(int failures) {
		Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 30));
		return wait.isNegative() || wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
	}

	private static void await(Future<?> attempt) {
		try {
			attempt.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			log.warn("A delivery attempt ended unexpectedly: {}", ex.getCause().getClass().getSimpleName());
		}
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		scheduler.shutdown();
		try {
			if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
				scheduler.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		attempts.shutdown();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
