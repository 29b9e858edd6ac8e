package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One server-sent event of /api/chat/stream, with when it arrived (ms after the request was sent). */
record StreamEvent(String name, JsonNode data, long atMillis) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Starts a conversation with a message to /api/chat/stream and reads every event of the answer. */
	static List<StreamEvent> post(int port, String message) {
		return post(port, null, message);
	}

	/** Sends a message to /api/chat/stream ({@code conversationId} null starts a conversation), reads every event. */
	static List<StreamEvent> post(int port, String conversationId, String message) {
		Map<String, Object> body = new HashMap<>();
		body.put("conversationId", conversationId);
		body.put("message", message);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/stream"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		long started = System.nanoTime();
		List<StreamEvent> events = new ArrayList<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
					HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line : (Iterable<String>) response.body()::iterator) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
				else if (line.isEmpty() && name != null) {
					events.add(new StreamEvent(name, JSON.readTree(data.toString()),
							(System.nanoTime() - started) / 1_000_000));
					name = null;
					data.setLength(0);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return events;
	}

	static String tokens(List<StreamEvent> events) {
		return events.stream().filter(e -> e.name().equals("token")).map(e -> e.data().get("text").stringValue())
			.collect(Collectors.joining());
	}

	/** What a client shows that starts again at every {@code restart} event. */
	static String tokensAfterTheLastRestart(List<StreamEvent> events) {
		int restart = events.stream().map(StreamEvent::name).toList().lastIndexOf("restart");
		return tokens(events.subList(restart + 1, events.size()));
	}

}
