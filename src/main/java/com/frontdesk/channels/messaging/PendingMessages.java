package com.frontdesk.channels.messaging;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, answers what was acknowledged but not answered before the last stop or crash. Messages of a channel
 * that is switched off stay pending until it is switched on again.
 */
@Component
class PendingMessages {

	private static final Logger log = LoggerFactory.getLogger(PendingMessages.class);

	private final InboundStore store;

	private final Channels channels;

	private final InboundProcessor processor;

	PendingMessages(InboundStore store, Channels channels, InboundProcessor processor) {
		this.store = store;
		this.channels = channels;
		this.processor = processor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		channels.all().filter(MessagingChannel::enabled).forEach(PendingMessages::warnIfIncomplete);
		store.releaseInterrupted(processor.startedAt());
		List<StoredMessage> pending = store.pending()
			.stream()
			.filter(stored -> channels.enabled(stored.message().channel()))
			.toList();
		if (!pending.isEmpty()) {
			log.info("Processing {} message(s) received before the last stop", pending.size());
		}
		pending.forEach(processor::submit);
	}

	private static void warnIfIncomplete(MessagingChannel channel) {
		List<String> missing = channel.missingSettings()
			.stream()
			.map(name -> "frontdesk.channels." + channel.name() + "." + name)
			.toList();
		if (!missing.isEmpty()) {
			log.warn("The {} channel is enabled but lacks {}: its webhook refuses requests or its replies fail",
					channel.name(), missing);
		}
	}

}
