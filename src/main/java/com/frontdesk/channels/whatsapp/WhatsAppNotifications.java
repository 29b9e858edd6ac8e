package com.frontdesk.channels.whatsapp;

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
 * Reads a WhatsApp Cloud API notification: every {@code entry[].changes[].value.messages[]} of a {@code messages}
 * change. Text (and the text of quick-reply buttons) is answered; images, audio, video, documents, stickers,
 * locations, contacts and unsupported types are media; reactions and system messages are ignored, and so are
 * status updates ({@code value.statuses[]}) and other fields. Each message is addressed to the business number
 * it was sent to ({@code value.metadata.phone_number_id}).
 */
final class WhatsAppNotifications {

	static final String CHANNEL = "whatsapp";

	private static final List<String> IGNORED = List.of("reaction", "system", "request_welcome", "ephemeral");

	private WhatsAppNotifications() {
	}

	static List<AddressedMessage> parse(JsonMapper json, byte[] body, Instant now) {
		JsonNode root = WebhookBodies.jsonObject(json, body);
		List<AddressedMessage> messages = new ArrayList<>();
		if (!"whatsapp_business_account".equals(WebhookBodies.string(root, "object"))) {
			return messages;
		}
		for (JsonNode entry : root.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				if ("messages".equals(WebhookBodies.string(change, "field"))) {
					JsonNode value = change.path("value");
					String number = WebhookBodies.string(value.path("metadata"), "phone_number_id");
					for (JsonNode message : value.path("messages")) {
						read(message, now).ifPresent(read -> messages.add(new AddressedMessage(number, read)));
					}
				}
			}
		}
		return messages;
	}

	private static Optional<InboundMessage> read(JsonNode message, Instant now) {
		String id = WebhookBodies.string(message, "id");
		String from = WebhookBodies.string(message, "from");
		String type = WebhookBodies.string(message, "type");
		if (id == null || from == null || type == null || IGNORED.contains(type)) {
			return Optional.empty();
		}
		Instant sentAt = timestamp(WebhookBodies.string(message, "timestamp"), now);
		String text = switch (type) {
			case "text" -> WebhookBodies.string(message.path("text"), "body");
			case "button" -> WebhookBodies.string(message.path("button"), "text");
			case "interactive" -> interactiveTitle(message.path("interactive"));
			default -> null;
		};
		return Optional.of(text == null ? InboundMessage.media(CHANNEL, id, from, sentAt)
				: InboundMessage.text(CHANNEL, id, from, text, sentAt));
	}

	private static String interactiveTitle(JsonNode interactive) {
		String button = WebhookBodies.string(interactive.path("button_reply"), "title");
		return button != null ? button : WebhookBodies.string(interactive.path("list_reply"), "title");
	}

	private static Instant timestamp(String seconds, Instant now) {
		return seconds != null && seconds.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(seconds)) : now;
	}

}
