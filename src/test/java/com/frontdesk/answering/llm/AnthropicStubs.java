package com.frontdesk.answering.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies Anthropic's Messages API ({@code POST /v1/messages}) answers with: a streamed message as server-sent events
 * ({@code message_start}, {@code content_block_start}, {@code content_block_delta} with {@code text_delta}s,
 * {@code content_block_stop}, {@code message_delta}, {@code message_stop}), a non-streamed message as JSON, and
 * Anthropic's error bodies.
 */
final class AnthropicStubs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AnthropicStubs() {
	}

	/** A streamed message with one text block made of the given deltas. */
	static String stream(String... deltas) {
		StringBuilder body = new StringBuilder();
		body.append(event("message_start", Map.of("type", "message_start", "message", message(List.of(), null, 1))));
		body.append(event("content_block_start", Map.of("type", "content_block_start", "index", 0, "content_block",
				Map.of("type", "text", "text", ""))));
		body.append(event("ping", Map.of("type", "ping")));
		for (String delta : deltas) {
			body.append(event("content_block_delta", Map.of("type", "content_block_delta", "index", 0, "delta",
					Map.of("type", "text_delta", "text", delta))));
		}
		body.append(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
		Map<String, Object> stop = new LinkedHashMap<>();
		stop.put("stop_reason", "end_turn");
		stop.put("stop_sequence", null);
		body.append(event("message_delta", Map.of("type", "message_delta", "delta", stop, "usage",
				Map.of("output_tokens", 15))));
		body.append(event("message_stop", Map.of("type", "message_stop")));
		return body.toString();
	}

	/** A stream cut off in the middle: deltas, but no {@code content_block_stop}, {@code message_stop}. */
	static String truncatedStream(String... deltas) {
		StringBuilder body = new StringBuilder();
		body.append(event("message_start", Map.of("type", "message_start", "message", message(List.of(), null, 1))));
		body.append(event("content_block_start", Map.of("type", "content_block_start", "index", 0, "content_block",
				Map.of("type", "text", "text", ""))));
		for (String delta : deltas) {
			body.append(event("content_block_delta", Map.of("type", "content_block_delta", "index", 0, "delta",
					Map.of("type", "text_delta", "text", delta))));
		}
		return body.toString();
	}

	/** A stream that starts, then reports an error event (e.g. {@code overloaded_error}) instead of finishing. */
	static String streamWithError(String type, String message, String... deltas) {
		StringBuilder body = new StringBuilder();
		body.append(event("message_start", Map.of("type", "message_start", "message", message(List.of(), null, 1))));
		body.append(event("content_block_start", Map.of("type", "content_block_start", "index", 0, "content_block",
				Map.of("type", "text", "text", ""))));
		for (String delta : deltas) {
			body.append(event("content_block_delta", Map.of("type", "content_block_delta", "index", 0, "delta",
					Map.of("type", "text_delta", "text", delta))));
		}
		body.append(event("error", error(type, message)));
		return body.toString();
	}

	/** A non-streamed message. */
	static String message(String text) {
		return JSON.writeValueAsString(message(List.of(Map.of("type", "text", "text", text)), "end_turn", 12));
	}

	/** Anthropic's error body, e.g. {@code rate_limit_error} (429) or {@code overloaded_error} (529). */
	static String errorBody(String type, String message) {
		return JSON.writeValueAsString(error(type, message));
	}

	private static Map<String, Object> error(String type, String message) {
		return Map.of("type", "error", "error", Map.of("type", type, "message", message));
	}

	private static Map<String, Object> message(List<Map<String, Object>> content, String stopReason, int outputTokens) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", "msg_01XFDUDYJgAACzvnptvVoYEL");
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", "test-model");
		message.put("content", content);
		message.put("stop_reason", stopReason);
		message.put("stop_sequence", null);
		message.put("usage", Map.of("input_tokens", 472, "output_tokens", outputTokens));
		return message;
	}

	private static String event(String name, Map<String, Object> data) {
		return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
	}

}
