package com.frontdesk.answering.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Bodies an OpenAI-compatible server answers with: chat completions as JSON and as server-sent events. */
public final class OpenAiStubs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenAiStubs() {
	}

	/** A streamed completion: one SSE chunk per piece, then the finish chunk and [DONE]. */
	public static String stream(String... pieces) {
		StringBuilder body = new StringBuilder();
		body.append(event(chunk(Map.of("role", "assistant", "content", ""), null)));
		for (String piece : pieces) {
			body.append(event(chunk(Map.of("content", piece), null)));
		}
		body.append(event(chunk(Map.of(), "stop")));
		body.append("data: [DONE]\n\n");
		return body.toString();
	}

	/** A stream that stops in the middle: no finish chunk, no [DONE]. */
	public static String truncatedStream(String... pieces) {
		StringBuilder body = new StringBuilder();
		for (String piece : pieces) {
			body.append(event(chunk(Map.of("content", piece), null)));
		}
		return body.toString();
	}

	public static String completion(String content) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "chatcmpl-test");
		body.put("object", "chat.completion");
		body.put("created", 1_700_000_000);
		body.put("model", "test-model");
		body.put("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
				"finish_reason", "stop")));
		body.put("usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15));
		return JSON.writeValueAsString(body);
	}

	private static String chunk(Map<String, Object> delta, String finishReason) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("finish_reason", finishReason);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "chatcmpl-test");
		body.put("object", "chat.completion.chunk");
		body.put("created", 1_700_000_000);
		body.put("model", "test-model");
		body.put("choices", new ArrayList<>(List.of(choice)));
		return JSON.writeValueAsString(body);
	}

	private static String event(String json) {
		return "data: " + json + "\n\n";
	}

}
