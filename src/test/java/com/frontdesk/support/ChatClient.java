package com.frontdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running Frontdesk over real HTTP, as the website or any client would. */
public final class ChatClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ChatClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Sends a message; {@code conversationId} null starts a new conversation. */
	public Response chat(String conversationId, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversationId);
		body.put("message", message);
		return post("/api/chat", JSON.writeValueAsString(body), "application/json");
	}

	public Response post(String path, String body, String contentType) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request);
	}

	public Response post(String path, byte[] body, String contentType) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return send(request);
	}

	/** A request without a body, with an {@code Authorization} header when one is given (admin calls). */
	public Response call(String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String base() {
		return base;
	}

	/** The types of a reply's actions, in order ("book", "call"...). */
	public static List<String> actions(JsonNode reply) {
		return StreamSupport.stream(reply.get("actions").spliterator(), false)
			.map(action -> action.get("type").stringValue())
			.toList();
	}

	/** The sections a reply cites, in order. */
	public static List<String> sections(JsonNode reply) {
		return StreamSupport.stream(reply.get("citations").spliterator(), false)
			.map(citation -> citation.get("section").stringValue())
			.toList();
	}

	/** One text field of every object of a JSON array that has it, in order (ids of a list, names of callbacks...). */
	public static List<String> values(JsonNode array, String field) {
		return StreamSupport.stream(array.spliterator(), false)
			.map(node -> node.get(field))
			.filter(value -> value != null && !value.isNull())
			.map(JsonNode::stringValue)
			.toList();
	}

	/** An HTTP response with its body parsed as JSON when it is JSON. */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String text(String field) {
			return json().get(field).stringValue();
		}

	}

}
