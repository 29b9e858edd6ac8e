package com.frontdesk.answering.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies Ollama's {@code /api/chat} answers with: a streamed answer as NDJSON (one JSON object a line, each with a
 * piece of {@code message.content}, the last with {@code "done": true} and the counts), and a non-streamed answer
 * as one JSON object.
 */
final class OllamaStubs {

	static final String NDJSON = "application/x-ndjson";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OllamaStubs() {
	}

	/** A streamed answer: one line per piece, then the final line with {@code "done": true}. */
	static String stream(String... pieces) {
		StringBuilder body = new StringBuilder();
		for (String piece : pieces) {
			body.append(line(piece, false)).append('\n');
		}
		body.append(line("", true)).append('\n');
		return body.toString();
	}

	/** A stream that stops in the middle: pieces, but never the line with {@code "done": true}. */
	static String truncatedStream(String... pieces) {
		StringBuilder body = new StringBuilder();
		for (String piece : pieces) {
			body.append(line(piece, false)).append('\n');
		}
		return body.toString();
	}

	/** What Ollama streams when the model cannot run (e.g. not pulled): one line with {@code error}. */
	static String errorLine(String error) {
		return JSON.writeValueAsString(Map.of("error", error)) + "\n";
	}

	/** A non-streamed answer ({@code "stream": false}). */
	static String completion(String content) {
		return line(content, true);
	}

	private static String line(String content, boolean done) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", "test-model");
		body.put("created_at", "2026-11-24T10:15:30.123456789Z");
		body.put("message", Map.of("role", "assistant", "content", content));
		body.put("done", done);
		if (done) {
			body.put("done_reason", "stop");
			body.put("total_duration", 4_935_886_791L);
			body.put("load_duration", 534_986_708L);
			body.put("prompt_eval_count", 26);
			body.put("prompt_eval_duration", 107_345_000L);
			body.put("eval_count", 237);
			body.put("eval_duration", 4_289_432_000L);
		}
		return JSON.writeValueAsString(body);
	}

}
