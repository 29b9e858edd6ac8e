package com.frontdesk.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The practice's staff at the admin API, logged in: reply to a patient, hand back, read the transcript. */
public final class StaffDesk {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public StaffDesk(int port) {
		this.port = port;
	}

	/** {@code POST /api/admin/conversations/{id}/messages}; returns the status. */
	public int reply(String conversationId, String text) {
		return act(conversationId, "/messages", "{\"text\": " + JSON.writeValueAsString(text) + "}");
	}

	/** {@code POST /api/admin/conversations/{id}/release}; returns the status. */
	public int handBack(String conversationId) {
		return act(conversationId, "/release", null);
	}

	/** The staff's messages in the transcript the practice sees, oldest first. */
	public List<JsonNode> staffTurns(String conversationId) {
		HttpRequest request = HttpRequest.newBuilder(uri(conversationId, ""))
			.header("Authorization", AdminLogin.header())
			.build();
		List<JsonNode> turns = new ArrayList<>();
		new ChatClient(port).send(request).json().get("turns").forEach(turns::add);
		return turns.stream().filter(turn -> "staff".equals(turn.get("author").stringValue())).toList();
	}

	private int act(String conversationId, String action, String json) {
		HttpRequest request = HttpRequest.newBuilder(uri(conversationId, action))
			.header("Authorization", AdminLogin.header())
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
		return new ChatClient(port).send(request).status();
	}

	private URI uri(String conversationId, String action) {
		return URI.create("http://localhost:" + port + "/api/admin/conversations/" + conversationId + action);
	}

}
