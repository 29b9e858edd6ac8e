package com.frontdesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the practice about something it must act on (a callback request, a patient waiting for a person), through
 * its webhook and/or inbox ({@code frontdesk.notifications.*}, or a practice's own:
 * {@link NoticeDestinations}), by way of an outbox: {@link #enqueue} only writes
 * the notice to the database, in the caller's transaction when there is one (so the notice exists exactly when
 * what it is about was stored), and a dispatcher delivers it afterwards, retrying until it is delivered, across
 * restarts, and never twice at once from two instances.
 * <p>
 * The webhook receives the notice as JSON:
 * {@code {"id", "type", "createdAt", "conversationId", "channel", "text", "fields": {...}}}, signed (see
 * {@link WebhookTarget}); the inbox receives the same as plain text.
 */
@Service
class PracticeNotifications {

	private final NoticeStore store;

	private final NoticeDispatcher dispatcher;

	private final JsonMapper json;

	private final Clock clock;

	PracticeNotifications(NoticeStore store, NoticeDispatcher dispatcher, JsonMapper json, Clock clock) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores a notice for delivery to every target configured now; it is sent once the surrounding transaction (if
	 * any) commits, and not at all if it rolls back.
	 * @return the notice's id, sent to the practice as its {@code Idempotency-Key}
	 * @throws NoticeNotStored when the database refuses it or cannot be reached (the caller's transaction then rolls
	 * back with it, so what the notice is about is not kept either)
	 */
	@Transactional
	String enqueue(PracticeNotice notice) {
		String key = UUID.randomUUID().toString();
		Instant now = clock.instant();
		try {
			long id = store.insertNotice(key, notice, payload(key, notice, now), now);
			for (String target : dispatcher.configuredTargets(notice.practice())) {
				store.insertDelivery(id, notice.practice(), target, now);
			}
		}
		catch (DataAccessException ex) {
			throw new NoticeNotStored(notice.type(), ex);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wake();
				}
			});
		}
		else {
			dispatcher.wake();
		}
		return key;
	}

	/** How many deliveries to the practice are not done yet (waiting, being retried or failing): for a gauge. */
	long backlog() {
		return store.undelivered();
	}

	/** How many deliveries have failed {@code failing-after} times or more and are still being retried. */
	long failing() {
		return store.failing();
	}

	/** The deliveries of the notices of one type about the given references (e.g. callback ids), by reference. */
	Map<String, List<NoticeStore.DeliveryState>> deliveries(String type, Collection<String> references) {
		return store.deliveries(type, references);
	}

	private String payload(String key, PracticeNotice notice, Instant now) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", key);
		body.put("type", notice.type());
		body.put("createdAt", now.toString());
		body.put("conversationId", notice.conversationId());
		body.put("channel", notice.channel());
		body.put("text", notice.text());
		body.put("fields", notice.fields());
		return json.writeValueAsString(body);
	}

}
