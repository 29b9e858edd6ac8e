package com.frontdesk.channels.telegram;

import java.time.Instant;
import java.util.List;

import com.frontdesk.channels.messaging.InboundMessage;
import com.frontdesk.channels.messaging.MalformedWebhook;
import com.frontdesk.channels.messaging.WebhookBodies;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Telegram {@code Update}: a new message in a private chat is a message to answer (text, or media such as
 * voice, photo, sticker or location); edits, button presses, group and channel posts are acknowledged and ignored.
 */
final class TelegramUpdates {

	static final String CHANNEL = "telegram";

	private TelegramUpdates() {
	}

	/**
	 * @throws MalformedWebhook when the body is not a JSON object with a numeric {@code update_id}
	 */
	static List<InboundMessage> parse(JsonMapper json, byte[] body, Instant now) {
		JsonNode update = WebhookBodies.jsonObject(json, body);
		JsonNode updateId = update.get("update_id");
		if (updateId == null || !updateId.isIntegralNumber()) {
			throw new MalformedWebhook("no update_id");
		}
		JsonNode message = update.get("message");
		if (message == null || !message.isObject()) {
			return List.of();
		}
		JsonNode chatId = message.path("chat").path("id");
		String chatType = WebhookBodies.string(message.path("chat"), "type");
		if (!chatId.isIntegralNumber() || (chatType != null && !chatType.equals("private"))) {
			return List.of();
		}
		String id = updateId.asString();
		String sender = chatId.asString();
		JsonNode date = message.get("date");
		Instant sentAt = date != null && date.isIntegralNumber() ? Instant.ofEpochSecond(date.longValue()) : now;
		String text = WebhookBodies.string(message, "text");
		if (text == null) {
			return List.of(InboundMessage.media(CHANNEL, id, sender, sentAt));
		}
		return List.of(InboundMessage.text(CHANNEL, id, sender, command(text), sentAt));
	}

	/** Telegram opens every chat with "/start": it is a greeting. */
	private static String command(String text) {
		return text.strip().startsWith("/start") ? "hello" : text;
	}

}
