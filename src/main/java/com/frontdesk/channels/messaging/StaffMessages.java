package com.frontdesk.channels.messaging;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.frontdesk.conversation.StaffMessage;

import jakarta.annotation.PreDestroy;

/**
 * Delivers what the practice's staff write (and their hand-back or closing notice) to patients on messaging
 * channels, once the message is stored, on a virtual thread with the channel's bounded retries. Opted-out senders
 * get nothing.
 */
@Component
class StaffMessages {

	private static final Logger log = LoggerFactory.getLogger(StaffMessages.class);

	private final Channels channels;

	private final ContactStore contacts;

	private final PlainTextReplies replies;

	private final OutboundDelivery delivery;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	StaffMessages(Channels channels, ContactStore contacts, PlainTextReplies replies, OutboundDelivery delivery) {
		this.channels = channels;
		this.contacts = contacts;
		this.replies = replies;
		this.delivery = delivery;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void deliver(StaffMessage message) {
		channels.get(message.channel()).filter(MessagingChannel::enabled).ifPresent(channel -> contacts
			.senderOf(channel.name(), message.conversationId())
			.filter(sender -> !contacts.optedOut(channel.name(), sender))
			.ifPresent(sender -> executor.execute(() -> send(channel, sender, message.text()))));
	}

	private void send(MessagingChannel channel, String sender, String text) {
		List<String> parts = replies.split(text, channel.limits()).stream().map(channel::adapt).toList();
		try {
			delivery.deliver(channel, sender, parts);
		}
		catch (DeliveryFailed ex) {
			log.warn("A staff message on {} could not be delivered: {}", channel.name(), ex.getMessage());
		}
	}

	@PreDestroy
	void stop() {
		executor.close();
	}

}
