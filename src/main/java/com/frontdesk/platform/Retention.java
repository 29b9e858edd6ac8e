package com.frontdesk.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes patient data past its retention ({@code frontdesk.retention.*}), on every instance, every
 * {@code interval}: conversations idle longer than {@code conversations} with their turns, the contacts that point
 * to them (an opted-out contact keeps only its opt-out) and the messaging channels' messages received before the
 * same cut-off; callback requests older than {@code callback-requests}. Each module deletes from its own tables
 * ({@link RetentionPurge}); every statement is an idempotent delete by age, in small batches, so several instances
 * purging at once only repeat each other's work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Retention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final ObjectProvider<RetentionPurge> parts;

	private final RetentionProperties properties;

	private final Clock clock;

	Retention(ObjectProvider<RetentionPurge> parts, RetentionProperties properties, Clock clock) {
		this.parts = parts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> RequestIds.carryOrNew(this::purgeQuietly).run(), properties.interval());
	}

	/**
	 * Where one purge cuts off, in UTC.
	 * @param conversations conversations idle since before this go, and the channels' messages received before it
	 * @param callbackRequests callback requests (and the practice's delivered notices) made before this go
	 * @param batchSize how many conversations one transaction deletes
	 */
	public record Cutoffs(OffsetDateTime conversations, OffsetDateTime callbackRequests, int batchSize) {
	}

	/** What one purge deleted. */
	public record Purged(int conversations, int channelMessages, int contacts, int callbackRequests) {

		/** Nothing deleted. */
		public static final Purged NONE = new Purged(0, 0, 0, 0);

		boolean any() {
			return conversations + channelMessages + contacts + callbackRequests > 0;
		}

		Purged plus(Purged other) {
			return new Purged(conversations + other.conversations, channelMessages + other.channelMessages,
					contacts + other.contacts, callbackRequests + other.callbackRequests);
		}

	}

	/** Deletes everything past its retention now. */
	public Purged purge() {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		Cutoffs cutoffs = new Cutoffs(now.minus(properties.conversations()), now.minus(properties.callbackRequests()),
				properties.batchSize());
		Purged purged = parts.orderedStream().map(part -> part.purge(cutoffs)).reduce(Purged.NONE, Purged::plus);
		if (purged.any()) {
			log.info("Retention: deleted {} conversations, {} channel messages, {} contacts, {} callback requests",
					purged.conversations(), purged.channelMessages(), purged.contacts(), purged.callbackRequests());
		}
		return purged;
	}

	private void purgeQuietly() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			log.error("Retention purge failed ({}); it runs again in {}", ex.getClass().getName(), properties.interval());
		}
	}

}
