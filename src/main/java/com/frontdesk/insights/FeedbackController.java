package com.frontdesk.insights;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/feedback}: a patient's thumbs up or down on one reply, with an optional comment. Public, like the
 * chat: the conversation id and the reply id together are the key. One rating per reply; the latest wins.
 */
@RestController
class FeedbackController {

	private final FeedbackStore store;

	private final InsightsProperties properties;

	FeedbackController(FeedbackStore store, InsightsProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@PostMapping(path = "/api/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Recorded rate(@RequestBody JsonNode body) {
		FeedbackRequest feedback = FeedbackRequest.from(body, properties.maxCommentLength());
		store.rate(feedback);
		return new Recorded(feedback.conversationId(), String.valueOf(feedback.replyId()), feedback.rating(),
				feedback.comment());
	}

	/** The rating as it was recorded. */
	record Recorded(String conversationId, String replyId, Rating rating, String comment) {
	}

}
