package com.frontdesk.channels.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads webhook bodies after their signature was checked on the raw bytes. */
public final class WebhookBodies {

	private WebhookBodies() {
	}

	/**
	 * The body as a JSON object.
	 * @throws MalformedWebhook when it is missing, not JSON, or not an object
	 */
	public static JsonNode jsonObject(JsonMapper json, byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedWebhook("empty body");
		}
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhook("body is not JSON");
		}
		if (node == null || !node.isObject()) {
			throw new MalformedWebhook("body is not a JSON object");
		}
		return node;
	}

	/** A text field's value, or null when it is absent or not a string. */
	public static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.stringValue() : null;
	}

}
