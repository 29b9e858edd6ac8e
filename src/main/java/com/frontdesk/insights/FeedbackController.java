package com.frontdesk.insights;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import com.frontdesk.practice.Practices;

/**
 * {@code POST /api/feedback}: a patient's thumbs up or down on one reply, with an optional comment. Public, like the
 * chat: the conversation id and the reply id together are the key. One rating per reply; the latest wins.
 */
@RestController
class FeedbackController {

	private final FeedbackStore store;

	private final InsightsProperties properties;

	private final Practices practices;

	FeedbackController(FeedbackStore store, InsightsProperties properties, Practices practices) {
		this.store = store;
		this.properties = properties;
		this.practices = practices;
	}

	@PostMapping(path = "/api/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Recorded rate(@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		FeedbackRequest feedback = FeedbackRequest.from(body, properties.maxCommentLength());
		store.rate(practices.forPage(feedback.practice(), origin).id(), feedback);
		return new Recorded(feedback.conversationId(), String.valueOf(feedback.replyId()), feedback.rating(),
				feedback.comment());
	}

	/** The rating as it was recorded. */
	record Recorded(String conversationId, String replyId, Rating rating, String comment) {
	}

}
