package com.frontdesk.channels.web;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/chat}: {@code {"conversationId": string|null, "message": string, "practice":
 * string|null}}; {@code practice} is the widget's {@code data-practice} (none: the practice of the page's origin, or
 * the default practice).
 */
record ChatRequest(String conversationId, String message, String practice) {

	private static final int MAX_ID_LENGTH = 64;

	static ChatRequest from(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidChatRequest("The body must be a JSON object with a \"message\" string");
		}
		JsonNode message = body.get("message");
		if (message == null || message.isNull()) {
			throw new InvalidChatRequest("\"message\" is required");
		}
		if (!message.isString()) {
			throw new InvalidChatRequest("\"message\" must be a string");
		}
		JsonNode id = body.get("conversationId");
		String conversationId = null;
		if (id != null && !id.isNull()) {
			if (!id.isString()) {
				throw new InvalidChatRequest("\"conversationId\" must be a string or null");
			}
			conversationId = id.stringValue().strip();
			if (conversationId.isEmpty()) {
				conversationId = null;
			}
			else if (conversationId.length() > MAX_ID_LENGTH) {
				throw new InvalidChatRequest("\"conversationId\" is not a conversation id");
			}
		}
		JsonNode practice = body.get("practice");
		if (practice != null && !practice.isNull() && !practice.isString()) {
			throw new InvalidChatRequest("\"practice\" must be a string or null");
		}
		return new ChatRequest(conversationId, message.stringValue(),
				practice == null || practice.isNull() ? null : practice.stringValue());
	}

}
