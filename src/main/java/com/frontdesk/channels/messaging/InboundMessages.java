package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.frontdesk.practice.PracticeId;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the webhooks hand over what they received: every message is stored before the webhook answers, once per
 * (practice, channel, platform message id), and answered after the acknowledgement. A redelivered message is not
 * answered again.
 */
@Service
public class InboundMessages {

	private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

	private final InboundStore store;

	private final InboundProcessor processor;

	private final MeterRegistry metrics;

	InboundMessages(InboundStore store, InboundProcessor processor, MeterRegistry metrics) {
		this.store = store;
		this.processor = processor;
		this.metrics = metrics;
	}

	/**
	 * Gives each message to the practice whose account it was sent to, then stores them ({@link #accept(List)}). A
	 * message to an account that is no practice's is acknowledged and dropped ({@link #unrouted}).
	 * @param accounts the platform's accounts, by practice
	 * @param signedFor whether the request was signed with that practice's secret
	 * @throws BadWebhookSignature when a message is for a practice whose secret did not sign the request: none of the
	 * request's messages is stored
	 * @return how many were new
	 */
	public int accept(String channel, List<AddressedMessage> messages, PracticeAccounts<?> accounts,
			Predicate<PracticeId> signedFor) {
		List<InboundMessage> routed = new ArrayList<>();
		for (AddressedMessage addressed : messages) {
			Optional<PracticeId> practice = accounts.practiceOf(addressed.account());
			if (practice.isEmpty()) {
				unrouted(channel);
				continue;
			}
			if (!signedFor.test(practice.get())) {
				throw new BadWebhookSignature(channel);
			}
			routed.add(addressed.message().to(practice.get()));
		}
		return accept(routed);
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

	/**
	 * A message to an account of no practice served here: acknowledged (so the platform does not send it again) and
	 * dropped, counted in {@code frontdesk.webhook.unrouted} by channel. The log names the channel only, nothing of
	 * the message or its sender.
	 */
	public void unrouted(String channel) {
		metrics.counter("frontdesk.webhook.unrouted", "channel", channel).increment();
		log.warn("A {} message to an account of no practice served here was acknowledged and dropped", channel);
	}

}
