package com.frontdesk.channels.messaging;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.Instances;
import com.frontdesk.platform.RequestIds;

/**
 * Processes stored messages on virtual threads, after their webhook was acknowledged. A message is claimed in the
 * database first, so it is answered once whichever instance holds it; a sender's messages are answered one at a
 * time, in order of arrival, across instances: a message whose predecessor is still being answered is left for the
 * thread answering the predecessor, which takes it next.
 */
@Component
class InboundProcessor implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	private final InboundStore store;

	private final Channels channels;

	private final MessageHandler handler;

	private final Instances instances;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	InboundProcessor(InboundStore store, Channels channels, MessageHandler handler, Instances instances) {
		this.store = store;
		this.channels = channels;
		this.handler = handler;
		this.instances = instances;
	}

	void submit(StoredMessage message) {
		try {
			executor.execute(RequestIds.carryOrNew(() -> process(message)));
		}
		catch (RejectedExecutionException ex) {
			log.info("Shutting down: {} message #{} stays pending", message.message().channel(), message.id());
		}
	}

	/** Answers the message if it can be claimed, then the sender's next waiting messages in turn. */
	private void process(StoredMessage first) {
		Optional<StoredMessage> next = Optional.of(first);
		while (next.isPresent()) {
			StoredMessage stored = next.get();
			InboundMessage message = stored.message();
			MessagingChannel channel = channels.get(message.channel()).filter(MessagingChannel::enabled).orElse(null);
			if (channel == null || !claim(stored)) {
				return;
			}
			answer(channel, stored);
			next = nextOf(message);
		}
	}

	private boolean claim(StoredMessage stored) {
		try {
			return store.claim(stored, instances.id());
		}
		catch (RuntimeException ex) {
			log.error("Claiming {} message #{} failed: {}", stored.message().channel(), stored.id(), ex.getClass().getName());
			return false;
		}
	}

	private void answer(MessagingChannel channel, StoredMessage stored) {
		try {
			Outcome outcome = outcome(channel, stored);
			store.finish(stored.id(), outcome);
			if (outcome.status() == MessageStatus.FAILED) {
				log.warn("No reply to {} message #{}: {}", channel.name(), stored.id(), outcome.detail());
			}
		}
		catch (RuntimeException ex) {
			log.error("Processing {} message #{} failed: {}", channel.name(), stored.id(), ex.getClass().getName());
		}
	}

	private Optional<StoredMessage> nextOf(InboundMessage message) {
		try {
			return store.nextPending(message.channel(), message.sender());
		}
		catch (RuntimeException ex) {
			log.error("Looking for the next {} message failed: {}", message.channel(), ex.getClass().getName());
			return Optional.empty();
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
