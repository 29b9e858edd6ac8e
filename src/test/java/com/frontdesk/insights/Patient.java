package com.frontdesk.insights;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

/** A patient on the website: one conversation, asked question by question over {@code /api/chat}. */
final class Patient {

	private final ChatClient client;

	private String conversationId;

	private Response last;

	Patient(int port) {
		this.client = new ChatClient(port);
	}

	/** Asks and returns the reply's intent. */
	String asks(String question) {
		last = client.chat(conversationId, question);
		if (last.status() != 200) {
			throw new AssertionError("HTTP " + last.status() + ": " + last.body());
		}
		conversationId = last.text("conversationId");
		return last.text("intent");
	}

	/** Rates the last reply ({@code up} or {@code down}), with an optional comment. */
	Response rates(String rating, String comment) {
		String body = "{\"conversationId\": \"" + conversationId + "\", \"replyId\": \"" + last.text("replyId")
				+ "\", \"rating\": \"" + rating + "\", \"comment\": " + (comment == null ? "null" : "\"" + comment + "\"")
				+ "}";
		Response response = client.post("/api/feedback", body, "application/json");
		if (response.status() != 200) {
			throw new AssertionError("HTTP " + response.status() + ": " + response.body());
		}
		return response;
	}

	String conversationId() {
		return conversationId;
	}

	String lastReplyId() {
		return last.text("replyId");
	}

}
