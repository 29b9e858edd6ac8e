package com.frontdesk.channels.messenger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.frontdesk.channels.messaging.AddressedMessage;
import com.frontdesk.channels.messaging.InboundMessage;
import com.frontdesk.channels.messaging.WebhookBodies;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Messenger webhook ({@code object: page}): every {@code entry[].messaging[]} event with a {@code message}
 * is a message to answer (text, quick replies, or attachments as media). Echoes of the page's own messages,
 * deliveries, reads, reactions, postbacks and edits are acknowledged and ignored. Each message is addressed to the
 * page it was sent to ({@code entry[].id}, else the event's {@code recipient.id}).
 */
final class MessengerEvents {

	static final String CHANNEL = "messenger";

	private MessengerEvents() {
	}

	static List<AddressedMessage> parse(JsonMapper json, byte[] body, Instant now) {
		JsonNode root = WebhookBodies.jsonObject(json, body);
		List<AddressedMessage> messages = new ArrayList<>();
		if (!"page".equals(WebhookBodies.string(root, "object"))) {
			return messages;
		}
		for (JsonNode entry : root.path("entry")) {
			String page = WebhookBodies.string(entry, "id");
			for (JsonNode event : entry.path("messaging")) {
				String to = page != null ? page : WebhookBodies.string(event.path("recipient"), "id");
				read(event, now).ifPresent(message -> messages.add(new AddressedMessage(to, message)));
			}
		}
		return messages;
	}

	private static Optional<InboundMessage> read(JsonNode event, Instant now) {
		JsonNode message = event.get("message");
		String sender = WebhookBodies.string(event.path("sender"), "id");
		if (message == null || !message.isObject() || message.path("is_echo").asBoolean(false) || sender == null) {
			return Optional.empty();
		}
		String id = WebhookBodies.string(message, "mid");
		if (id == null) {
			return Optional.empty();
		}
		JsonNode timestamp = event.get("timestamp");
		Instant sentAt = timestamp != null && timestamp.isIntegralNumber() ? Instant.ofEpochMilli(timestamp.longValue())
				: now;
		String text = WebhookBodies.string(message, "text");
		boolean attachments = message.path("attachments").isArray() && !message.path("attachments").isEmpty();
		return Optional.of(text == null || attachments ? InboundMessage.media(CHANNEL, id, sender, sentAt)
				: InboundMessage.text(CHANNEL, id, sender, text, sentAt));
	}

}
