package com.frontdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This running instance among those sharing the database: it has an id of its own (new at every start), a row in
 * {@code app_instance} it refreshes every {@code frontdesk.instances.heartbeat}, and it removes the row when it
 * stops. An instance whose row is older than {@code stale-after} has stopped or crashed: others take over its
 * unfinished work. Each heartbeat also runs the {@link #onHeartbeat tasks} modules register.
 */
@Component
public class Instances implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Instances.class);

	/** Rows of instances gone this long are removed for good. */
	private static final Duration FORGET_AFTER = Duration.ofDays(1);

	static final Duration SIGN_OFF_WAIT = Duration.ofSeconds(3);

	private final String id = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final InstanceProperties properties;

	private final Clock clock;

	private final List<Runnable> heartbeatTasks = new CopyOnWriteArrayList<>();

	/** A thread of its own, so that no long task (a purge, a re-index) can delay the heartbeat. */
	private ScheduledExecutorService heartbeats;

	Instances(JdbcClient jdbc, InstanceProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		OffsetDateTime now = now();
		jdbc.sql("insert into app_instance (id, started_at, heartbeat_at) values (?, ?, ?)").params(id, now, now).update();
	}

	/** This instance's id. */
	public String id() {
		return id;
	}

	/** Since when an instance must have refreshed its row to count as alive. */
	public OffsetDateTime aliveSince() {
		return now().minus(properties.staleAfter());
	}

	/** Runs the task at every heartbeat, after the row was refreshed (on the heartbeat thread: keep it short). */
	public void onHeartbeat(Runnable task) {
		heartbeatTasks.add(task);
	}

	@Override
	public synchronized void start() {
		heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
			.name("frontdesk-heartbeat")
			.daemon(true)
			.factory());
		long period = properties.heartbeat().toMillis();
		heartbeats.scheduleWithFixedDelay(() -> RequestIds.carryOrNew(this::heartbeat).run(), period, period,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Ends the heartbeat, after the web server and the message workers have stopped ({@link StopOrder#HEARTBEAT}): until
	 * then the messages this instance holds count as held by a live instance and are not taken over.
	 */
	@Override
	public synchronized void stop() {
		if (heartbeats != null) {
			heartbeats.shutdownNow();
			heartbeats = null;
			log.info("Stopping: instance heartbeat ended");
		}
	}

	@Override
	public int getPhase() {
		return StopOrder.HEARTBEAT;
	}

	@Override
	public synchronized boolean isRunning() {
		return heartbeats != null;
	}

	void heartbeat() {
		try {
			OffsetDateTime now = now();
			if (jdbc.sql("update app_instance set heartbeat_at = ? where id = ?").params(now, id).update() == 0) {
				jdbc.sql("insert into app_instance (id, started_at, heartbeat_at) values (?, ?, ?)").params(id, now, now)
					.update();
			}
			jdbc.sql("delete from app_instance where heartbeat_at < ?").param(now.minus(FORGET_AFTER)).update();
		}
		catch (RuntimeException ex) {
			log.warn("Instance heartbeat failed ({}); retrying in {}", ex.getClass().getName(), properties.heartbeat());
			return;
		}
		for (Runnable task : heartbeatTasks) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("A heartbeat task failed ({})", ex.getClass().getName());
			}
		}
	}

	/**
	 * Leaves the set of live instances at once, so others take over without waiting. Waits at most
	 * {@link #SIGN_OFF_WAIT} for the database: when it is unreachable the pool would hold the shutdown for its whole
	 * connection timeout, and the others take over after {@code stale-after} anyway.
	 */
	@Override
	public void destroy() throws InterruptedException {
		Thread signOff = Thread.ofVirtual().name("instance-sign-off").start(() -> {
			try {
				jdbc.sql("delete from app_instance where id = ?").param(id).update();
			}
			catch (RuntimeException ex) {
				log.info("Could not sign off instance ({}); others take over after {}", ex.getClass().getName(),
						properties.staleAfter());
			}
		});
		if (!signOff.join(SIGN_OFF_WAIT)) {
			log.info("Database did not answer within {} at shutdown; others take over after {}", SIGN_OFF_WAIT,
					properties.staleAfter());
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
	}

}
