package com.frontdesk.insights;

import com.frontdesk.conversation.MessageText;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/feedback}: {@code {"conversationId", "replyId", "rating": "up"|"down", "comment"?,
 * "practice"?}}, checked field by field so a wrong type is a clear 400 and never coerced.
 *
 * @param comment what the patient added, cleaned of control characters, or null
 * @param practice the widget's practice ({@code data-practice}), or null
 */
record FeedbackRequest(String conversationId, long replyId, Rating rating, String comment, String practice) {

	private static final int MAX_ID_LENGTH = 64;

	/** A reply id is a positive number that fits a {@code long}. */
	private static final int MAX_REPLY_ID_DIGITS = 18;

	static FeedbackRequest from(JsonNode body, int maxCommentLength) {
		if (body == null || !body.isObject()) {
			throw new InvalidInsightsRequest(
					"The body must be a JSON object with \"conversationId\", \"replyId\" and \"rating\"");
		}
		String conversationId = requiredString(body, "conversationId");
		if (conversationId.length() > MAX_ID_LENGTH) {
			throw new InvalidInsightsRequest("\"conversationId\" is not a conversation id");
		}
		String replyId = requiredString(body, "replyId");
		if (replyId.length() > MAX_REPLY_ID_DIGITS || !replyId.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidInsightsRequest("\"replyId\" is not a reply id");
		}
		Rating rating = Rating.of(requiredString(body, "rating"))
			.orElseThrow(() -> new InvalidInsightsRequest("\"rating\" must be \"up\" or \"down\""));
		JsonNode practice = body.get("practice");
		if (practice != null && !practice.isNull() && !practice.isString()) {
			throw new InvalidInsightsRequest("\"practice\" must be a string or null");
		}
		return new FeedbackRequest(conversationId, Long.parseLong(replyId), rating, comment(body, maxCommentLength),
				practice == null || practice.isNull() ? null : practice.stringValue());
	}

	private static String requiredString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			throw new InvalidInsightsRequest("\"" + field + "\" is required");
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new InvalidInsightsRequest("\"" + field + "\" must be a non-empty string");
		}
		return value.stringValue().strip();
	}

	private static String comment(JsonNode body, int maxLength) {
		JsonNode value = body.get("comment");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidInsightsRequest("\"comment\" must be a string or null");
		}
		String comment = MessageText.clean(value.stringValue());
		if (comment.length() > maxLength) {
			throw new InvalidInsightsRequest("\"comment\" is longer than " + maxLength + " characters");
		}
		return comment.isEmpty() ? null : comment;
	}

}
