package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.InstanceProperties;
import com.frontdesk.platform.Instances;

/**
 * Answers what was acknowledged but not answered: at start-up, what was left before the last stop or crash; at every
 * heartbeat, what an instance that is gone had claimed and what waited without being taken. Messages of a channel
 * that is switched off stay pending until it is switched on again.
 */
@Component
class PendingMessages {

	private static final Logger log = LoggerFactory.getLogger(PendingMessages.class);

	private final InboundStore store;

	private final Channels channels;

	private final InboundProcessor processor;

	private final Instances instances;

	private final InstanceProperties properties;

	private final Clock clock;

	PendingMessages(InboundStore store, Channels channels, InboundProcessor processor, Instances instances,
			InstanceProperties properties, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.processor = processor;
		this.instances = instances;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		channels.all().filter(MessagingChannel::enabled).forEach(PendingMessages::warnIfIncomplete);
		int pending = resubmit(true);
		if (pending > 0) {
			log.info("Processing {} message(s) received before the last stop", pending);
		}
		instances.onHeartbeat(() -> resubmit(false));
	}

	/** Frees the claims of instances that are gone and submits what waits: all of it, or what waited a heartbeat. */
	private int resubmit(boolean all) {
		int released = store.releaseOrphaned(instances.aliveSince());
		if (released > 0 && !all) {
			log.info("Taking over {} message(s) of an instance that stopped", released);
		}
		List<StoredMessage> pending = store.pending(all ? clock.instant().plusSeconds(1)
				: clock.instant().minus(properties.heartbeat()))
			.stream()
			.filter(stored -> channels.enabled(stored.message().channel()))
			.toList();
		pending.forEach(processor::submit);
		return pending.size();
	}

	private static void warnIfIncomplete(MessagingChannel channel) {
		List<String> missing = channel.missingSettings();
		if (!missing.isEmpty()) {
			log.warn("The {} channel is enabled but lacks {}: its webhook refuses requests or its replies fail",
					channel.name(), missing);
		}
	}

}
