package com.frontdesk.channels.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.frontdesk.conversation.StaffMessage;
import com.frontdesk.conversation.StaffMessageDeliveries;
import com.frontdesk.conversation.StaffMessageDeliveries.Delivery;
import com.frontdesk.conversation.ConversationStore;
import com.frontdesk.platform.Instances;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.Practices;

import jakarta.annotation.PreDestroy;

/**
 * Delivers what the practice's staff write (and their hand-back or closing notice) to patients on messaging
 * channels, from the account of the practice the conversation belongs to, once the message is stored, on a virtual thread with the channel's bounded retries, and records on the
 * message whether it was sent, failed (and why) or was not sent (opted out, channel off), for the transcript.
 */
@Component
class StaffMessages {

	private static final Logger log = LoggerFactory.getLogger(StaffMessages.class);

	private final Channels channels;

	private final ContactStore contacts;

	private final PlainTextReplies replies;

	private final OutboundDelivery delivery;

	private final StaffMessageDeliveries deliveries;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Instances instances;

	private final Clock clock;

	private final ConversationStore conversations;

	private final Practices practices;

	StaffMessages(Channels channels, ContactStore contacts, PlainTextReplies replies, OutboundDelivery delivery,
			StaffMessageDeliveries deliveries, Instances instances, Clock clock, ConversationStore conversations,
			Practices practices) {
		this.conversations = conversations;
		this.practices = practices;
		this.instances = instances;
		this.clock = clock;
		this.channels = channels;
		this.contacts = contacts;
		this.replies = replies;
		this.delivery = delivery;
		this.deliveries = deliveries;
	}

	/** Longer than any delivery with its retries takes: a message still sending after this was interrupted. */
	static final Duration SENDING_AT_MOST = Duration.ofMinutes(10);

	@EventListener(ApplicationReadyEvent.class)
	void watchForInterruptedSends() {
		instances.onHeartbeat(() -> {
			int abandoned = deliveries.abandonSendingBefore(clock.instant().minus(SENDING_AT_MOST));
			if (abandoned > 0) {
				log.warn("{} staff message(s) were interrupted while sending; marked as not delivered", abandoned);
			}
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void deliver(StaffMessage message) {
		Optional<MessagingChannel> found = channels.get(message.channel());
		if (found.isEmpty()) {
			return; // the website's widget fetches staff messages itself
		}
		MessagingChannel channel = found.get();
		if (!channel.enabled()) {
			deliveries.record(message.turnId(), Delivery.NOT_SENT, "the " + channel.name() + " channel is switched off");
			return;
		}
		Optional<Practice> practice = conversations.practiceOf(message.conversationId()).flatMap(practices::find);
		Optional<String> sender = practice
			.flatMap(owner -> contacts.senderOf(owner.id(), channel.name(), message.conversationId()));
		if (sender.isEmpty()) {
			deliveries.record(message.turnId(), Delivery.NOT_SENT, "no " + channel.name() + " contact for this conversation");
		}
		else if (contacts.optedOut(practice.get().id(), channel.name(), sender.get())) {
			deliveries.record(message.turnId(), Delivery.NOT_SENT, "the patient opted out of messages");
		}
		else {
			deliveries.record(message.turnId(), Delivery.SENDING, null);
			boolean spanish = contacts.language(practice.get().id(), channel.name(), sender.get())
				.map("es"::equals)
				.orElse(false);
			executor.execute(() -> send(channel, new Audience(practice.get(), spanish), sender.get(), message));
		}
	}

	private void send(MessagingChannel channel, Audience audience, String sender, StaffMessage message) {
		List<String> parts = replies.split(message.text(), channel.limits(), audience)
			.stream()
			.map(channel::adapt)
			.toList();
		try {
			delivery.deliver(channel, audience.practiceId(), sender, parts);
			deliveries.record(message.turnId(), Delivery.SENT, null);
		}
		catch (DeliveryFailed ex) {
			log.warn("A staff message on {} could not be delivered: {}", channel.name(), ex.getMessage());
			deliveries.record(message.turnId(), Delivery.FAILED, channel.explainFailure(ex.getMessage()));
		}
	}

	@PreDestroy
	void stop() {
		executor.close();
	}

}
