package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.RequestIds;

/**
 * Processes stored messages on virtual threads, after their webhook was acknowledged. A message is claimed in the
 * database first, so it is answered once; messages of one sender are answered one at a time, in order of arrival.
 */
@Component
class InboundProcessor implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	private static final int STRIPES = 64;

	private final InboundStore store;

	private final Channels channels;

	private final MessageHandler handler;

	private final Instant startedAt;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final ReentrantLock[] senderLocks = new ReentrantLock[STRIPES];

	InboundProcessor(InboundStore store, Channels channels, MessageHandler handler, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.handler = handler;
		this.startedAt = clock.instant();
		for (int i = 0; i < STRIPES; i++) {
			senderLocks[i] = new ReentrantLock(true);
		}
	}

	/** When this run started: messages claimed before then were interrupted by a stop or crash. */
	Instant startedAt() {
		return startedAt;
	}

	void submit(StoredMessage message) {
		try {
			executor.execute(RequestIds.carryOrNew(() -> process(message)));
		}
		catch (RejectedExecutionException ex) {
			log.info("Shutting down: {} message #{} stays pending", message.message().channel(), message.id());
		}
	}

	private void process(StoredMessage stored) {
		InboundMessage message = stored.message();
		ReentrantLock lock = senderLocks[Math.floorMod((message.channel() + '\0' + message.sender()).hashCode(), STRIPES)];
		lock.lock();
		try {
			MessagingChannel channel = channels.get(message.channel()).filter(MessagingChannel::enabled).orElse(null);
			if (channel == null || !store.claim(stored.id())) {
				return;
			}
			Outcome outcome = outcome(channel, stored);
			store.finish(stored.id(), outcome);
			if (outcome.status() == MessageStatus.FAILED) {
				log.warn("No reply to {} message #{}: {}", channel.name(), stored.id(), outcome.detail());
			}
		}
		catch (RuntimeException ex) {
			log.error("Processing {} message #{} failed: {}", message.channel(), stored.id(), ex.getClass().getName());
		}
		finally {
			lock.unlock();
		}
	}

	private Outcome outcome(MessagingChannel channel, StoredMessage stored) {
		try {
			return handler.handle(channel, stored.message());
		}
		catch (RuntimeException ex) {
			log.error("Handling {} message #{} failed: {}", channel.name(), stored.id(), ex.getClass().getName());
			return Outcome.failed("error: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}

}
