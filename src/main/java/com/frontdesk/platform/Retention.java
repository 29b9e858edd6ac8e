package com.frontdesk.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes patient data past its retention ({@code frontdesk.retention.*}), on every instance, every
 * {@code interval}: conversations idle longer than {@code conversations} with their turns, the contacts that point
 * to them (an opted-out contact keeps only its opt-out) and the messaging channels' messages received before the
 * same cut-off; callback requests older than {@code callback-requests}. Every statement is an idempotent delete by
 * age, in small batches, so several instances purging at once only repeat each other's work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Retention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RetentionProperties properties;

	private final Clock clock;

	Retention(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> RequestIds.carryOrNew(this::purgeQuietly).run(), properties.interval());
	}

	/** What one purge deleted. */
	public record Purged(int conversations, int channelMessages, int contacts, int callbackRequests) {

		boolean any() {
			return conversations + channelMessages + contacts + callbackRequests > 0;
		}

	}

	/** Deletes everything past its retention now. */
	public Purged purge() {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime conversationCutoff = now.minus(properties.conversations());
		int conversations = 0;
		int contacts = 0;
		for (int deleted = -1; deleted != 0;) {
			List<String> ids = jdbc.sql("select id from conversation where updated_at < ? order by updated_at "
					+ "fetch first " + properties.batchSize() + " rows only")
				.param(conversationCutoff)
				.query(String.class)
				.list();
			int[] counts = ids.isEmpty() ? new int[] { 0, 0 } : deleteConversations(ids, conversationCutoff);
			deleted = counts[0];
			conversations += counts[0];
			contacts += counts[1];
		}
		int messages = jdbc.sql("delete from channel_message where received_at < ? and status not in ('pending', 'processing')")
			.param(conversationCutoff)
			.update();
		contacts += jdbc.sql("delete from channel_contact where conversation_id is null and opted_out_at is null "
				+ "and updated_at < ?").param(conversationCutoff).update();
		int callbacks = jdbc.sql("delete from callback_request where created_at < ?")
			.param(now.minus(properties.callbackRequests()))
			.update();
		// The practice's copies of notices (names, phones) go with the callback requests once delivered everywhere:
		// a notice the practice has not received yet is kept until it has.
		callbacks += jdbc.sql("delete from practice_notice where created_at < ? and not exists (select 1 from "
				+ "notice_delivery d where d.notice_id = practice_notice.id and d.status <> 'delivered')")
			.param(now.minus(properties.callbackRequests()))
			.update();
		Purged purged = new Purged(conversations, messages, contacts, callbacks);
		if (purged.any()) {
			log.info("Retention: deleted {} conversations, {} channel messages, {} contacts, {} callback requests",
					conversations, messages, contacts, callbacks);
		}
		return purged;
	}

	private int[] deleteConversations(List<String> candidates, OffsetDateTime cutoff) {
		return transactions.execute(status -> {
			// Locked and checked again: a conversation that got a message meanwhile is kept.
			List<String> ids = jdbc.sql("select id from conversation where id in (:ids) and updated_at < :cutoff for update")
				.param("ids", candidates)
				.param("cutoff", cutoff)
				.query(String.class)
				.list();
			if (ids.isEmpty()) {
				return new int[] { 0, 0 };
			}
			int contacts = jdbc.sql("delete from channel_contact where conversation_id in (:ids) and opted_out_at is null")
				.param("ids", ids)
				.update();
			jdbc.sql("update channel_contact set conversation_id = null where conversation_id in (:ids)")
				.param("ids", ids)
				.update();
			jdbc.sql("delete from turn where conversation_id in (:ids)").param("ids", ids).update();
			int conversations = jdbc.sql("delete from conversation where id in (:ids)").param("ids", ids).update();
			return new int[] { conversations, contacts };
		});
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
