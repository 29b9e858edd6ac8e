package com.frontdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Deletes patient data past its retention ({@code frontdesk.retention.*}, or a practice's own
 * {@code frontdesk.practices[n].retention.*}), on every instance, every
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

	private final Map<PracticeId, PracticeRetentionProperties.Periods> ownPeriods;

	private final Clock clock;

	Retention(ObjectProvider<RetentionPurge> parts, RetentionProperties properties,
			PracticeRetentionProperties practices, Practices known, Clock clock) {
		this.parts = parts;
		this.properties = properties;
		this.ownPeriods = new LinkedHashMap<>();
		practices.practices()
			.stream()
			.filter(entry -> entry.id() != null)
			.forEach(entry -> ownPeriods.put(known.get(PracticeId.parse(entry.id())).id(), entry.retention()));
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> RequestIds.carryOrNew(this::purgeQuietly).run(), properties.interval());
	}

	/**
	 * Where one purge cuts off, in UTC, for the rows of some practices.
	 * @param practices whose rows these cut-offs are for: one practice, or every practice but those with periods of
	 * their own (so a practice no longer configured is still purged, by the deployment's periods)
	 * @param conversations conversations idle since before this go, and the channels' messages received before it
	 * @param callbackRequests callback requests (and the practice's delivered notices) made before this go
	 * @param batchSize how many conversations one transaction deletes
	 */
	public record Cutoffs(PracticeScope practices, OffsetDateTime conversations, OffsetDateTime callbackRequests,
			int batchSize) {
	}

	/**
	 * Which practices' rows a purge statement touches, as SQL on a {@code practice_id} column with named parameters
	 * (its own names, so it sits next to the statement's).
	 * @param only the one practice, or null
	 * @param except with {@code only} null: every practice but these
	 */
	public record PracticeScope(PracticeId only, List<PracticeId> except) {

		public PracticeScope {
			except = except == null ? List.of() : List.copyOf(except);
		}

		/** {@code practice_id = :scopePractice}, or {@code practice_id not in (:scopeExcept)}, or {@code 1 = 1}. */
		public String condition(String column) {
			if (only != null) {
				return column + " = :scopePractice";
			}
			return except.isEmpty() ? "1 = 1" : column + " not in (:scopeExcept)";
		}

		/** The condition's parameters, to pass with {@code JdbcClient.params(Map)}. */
		public Map<String, Object> parameters() {
			Map<String, Object> parameters = new LinkedHashMap<>();
			if (only != null) {
				parameters.put("scopePractice", only.value());
			}
			else if (!except.isEmpty()) {
				parameters.put("scopeExcept", except.stream().map(PracticeId::value).toList());
			}
			return parameters;
		}

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

	/** Deletes everything past its retention now: each practice's by its own periods, the others' by the deployment's. */
	public Purged purge() {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		List<Cutoffs> runs = new ArrayList<>();
		ownPeriods.forEach((practice, periods) -> runs.add(new Cutoffs(new PracticeScope(practice, null),
				now.minus(or(periods.conversations(), properties.conversations())),
				now.minus(or(periods.callbackRequests(), properties.callbackRequests())), properties.batchSize())));
		runs.add(new Cutoffs(new PracticeScope(null, List.copyOf(ownPeriods.keySet())),
				now.minus(properties.conversations()), now.minus(properties.callbackRequests()),
				properties.batchSize()));
		Purged purged = Purged.NONE;
		for (Cutoffs cutoffs : runs) {
			purged = parts.orderedStream().map(part -> part.purge(cutoffs)).reduce(purged, Purged::plus);
		}
		if (purged.any()) {
			log.info("Retention: deleted {} conversations, {} channel messages, {} contacts, {} callback requests",
					purged.conversations(), purged.channelMessages(), purged.contacts(), purged.callbackRequests());
		}
		return purged;
	}

	private static Duration or(Duration own, Duration deployment) {
		return own != null ? own : deployment;
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
