package com.frontdesk.channels.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.conversation.Channel;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.conversation.TurnRequest;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/chat}: one patient message in, one reply out. The body is read as a JSON tree and checked
 * field by field, so a wrong type is a clear 400 and never coerced.
 */
@RestController
class ChatController {

	private final TurnPipeline pipeline;

	private final WidgetPractices practices;

	ChatController(TurnPipeline pipeline, WidgetPractices practices) {
		this.pipeline = pipeline;
		this.practices = practices;
	}

	@PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ChatReply chat(@RequestBody JsonNode body, @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		ChatRequest request = ChatRequest.from(body);
		return pipeline.handle(new TurnRequest(practices.of(request.practice(), origin), Channel.WEB,
				request.conversationId(), request.message(), request.language(), request.page()));
	}

}
