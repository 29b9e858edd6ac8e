package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where the webhooks hand over what they received: every message is stored before the webhook answers, once per
 * (channel, platform message id), and answered after the acknowledgement. A redelivered message is not answered
 * again.
 */
@Service
public class InboundMessages {

	private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

	private final InboundStore store;

	private final InboundProcessor processor;

	InboundMessages(InboundStore store, InboundProcessor processor) {
		this.store = store;
		this.processor = processor;
	}

	/**
	 * Stores the messages of one webhook request and schedules them for processing.
	 * @return how many were new (the others were redeliveries)
	 */
	public int accept(List<InboundMessage> messages) {
		List<StoredMessage> stored = new ArrayList<>();
		for (InboundMessage message : messages) {
			store.insert(message).ifPresentOrElse(id -> stored.add(new StoredMessage(id, message)),
					() -> log.debug("Redelivered {} message ignored", message.channel()));
		}
		stored.forEach(processor::submit);
		return stored.size();
	}

}
