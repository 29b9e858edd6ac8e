package com.frontdesk.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock stand-in for an OpenAI-compatible model that behaves like a careful real one: asked to answer, it
 * rephrases nothing and writes the sentences of the passage retrieval ranked first, each cited; asked to rewrite a
 * follow-up, it names the procedure the conversation is about when the follow-up only says "it".
 */
final class RealisticModel implements ResponseDefinitionTransformerV2 {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PASSAGE = Pattern.compile("\\[(\\d+)] ([^\\n]*)\\n(.+?)(?=\\n\\n\\[\\d+] |\\z)",
			Pattern.DOTALL);

	@Override
	public String getName() {
		return "realistic-model";
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
		JsonNode messages = request.get("messages");
		String system = messages.get(0).get("content").stringValue();
		String user = messages.get(messages.size() - 1).get("content").stringValue();
		boolean stream = request.has("stream") && request.get("stream").asBoolean();
		if (!stream) {
			return json(completion(rewrite(user)));
		}
		String[] best = firstPassage(system.substring(system.indexOf("Passages:")));
		if (best == null) {
			return sse(List.of("NOT_COVERED"));
		}
		List<String> pieces = new ArrayList<>();
		for (String sentence : best[1].strip().split("(?<=[.!?])\\s+|\\n+")) {
			String words = sentence.strip().replaceFirst("^- ", "").replaceFirst("[.!?:]$", "");
			if (!words.isEmpty()) {
				for (String word : (words + " [" + best[0] + "]. ").split("(?<= )")) {
					pieces.add(word);
				}
			}
		}
		return sse(pieces);
	}

	/** The passage a careful model answers from: the first, the one retrieval ranked best (number and text). */
	private static String[] firstPassage(String passages) {
		Matcher passage = PASSAGE.matcher(passages);
		return passage.find() ? new String[] { passage.group(1), passage.group(3) } : null;
	}

	private static String rewrite(String conversation) {
		String latest = conversation.substring(conversation.lastIndexOf("Patient (latest message): ") + 26).strip();
		return latest.replaceAll("(?i)\\b(it|that|this)\\b", "lateral fusion");
	}

	private static ResponseDefinition json(String body) {
		return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
			.withHeader("Content-Type", "application/json").withBody(body).build();
	}

	private static ResponseDefinition sse(List<String> pieces) {
		StringBuilder body = new StringBuilder();
		for (String piece : pieces) {
			body.append("data: ").append(chunk(Map.of("content", piece), null)).append("\n\n");
		}
		body.append("data: ").append(chunk(Map.of(), "stop")).append("\n\n").append("data: [DONE]\n\n");
		return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
			.withHeader("Content-Type", "text/event-stream").withBody(body.toString()).build();
	}

	private static String completion(String content) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "chatcmpl-1");
		body.put("object", "chat.completion");
		body.put("created", 1_700_000_000);
		body.put("model", "realistic");
		body.put("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content),
				"finish_reason", "stop")));
		body.put("usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2));
		return JSON.writeValueAsString(body);
	}

	private static String chunk(Map<String, Object> delta, String finish) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", 0);
		choice.put("delta", delta);
		choice.put("finish_reason", finish);
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion.chunk", "created",
				1_700_000_000, "model", "realistic", "choices", List.of(choice)));
	}

}
