package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/** Patients rate replies with a thumbs up or down through {@code POST /api/feedback}, one rating per reply. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class FeedbackApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ChatClient patient() {
		return new ChatClient(port);
	}

	@Test
	void everyReplyHasAnIdTheHistoryShowsToo() {
		Response first = patient().chat(null, "Will lateral fusion leave a big scar?");
		String conversationId = first.text("conversationId");
		Response second = patient().chat(conversationId, "I just lost control of my bladder");

		assertThat(first.text("replyId")).matches("\\d+");
		assertThat(second.text("replyId")).matches("\\d+").isNotEqualTo(first.text("replyId"));
		JsonNode history = patient().get("/api/conversations/" + conversationId).json().get("turns");
		assertThat(history).extracting(turn -> turn.get("replyId").stringValue())
			.containsExactly(first.text("replyId"), second.text("replyId"));
	}

	@Test
	void aRatingIsRecordedAndTheLatestRatingOfAReplyWins() {
		Response reply = patient().chat(null, "Will lateral fusion leave a big scar?");
		String conversationId = reply.text("conversationId");
		String replyId = reply.text("replyId");

		Response up = rate(conversationId, replyId, "\"up\"", null);
		Response down = rate(conversationId, replyId, "\"down\"", "\"  I wanted to know how big\\u0000 the scar is \"");

		assertThat(up.status()).isEqualTo(200);
		assertThat(up.text("rating")).isEqualTo("up");
		assertThat(down.status()).isEqualTo(200);
		assertThat(down.json().get("comment").stringValue()).isEqualTo("I wanted to know how big the scar is");
		assertThat(jdbc.sql("select rating, comment from reply_feedback where turn_id = ?")
			.param(Long.parseLong(replyId))
			.query((row, n) -> row.getString(1) + ":" + row.getString(2))
			.list()).containsExactly("down:I wanted to know how big the scar is");
		JsonNode turn = new Admin(port).get("/api/admin/conversations/" + conversationId).json().get("turns").get(0);
		assertThat(turn.get("feedback").get("rating").stringValue()).isEqualTo("down");
		assertThat(turn.get("feedback").get("comment").stringValue()).isEqualTo("I wanted to know how big the scar is");
	}

	@Test
	void aReplyOfAnotherConversationOrAnUnknownReplyIsNotFound() {
		Response mine = patient().chat(null, "What is lateral fusion?");
		Response theirs = patient().chat(null, "What are pedicle screws?");

		for (String[] pair : List.of(new String[] { mine.text("conversationId"), theirs.text("replyId") },
				new String[] { mine.text("conversationId"), "999999999" },
				new String[] { "4d1f0c1e-0000-4000-8000-000000000000", mine.text("replyId") })) {
			Response response = rate(pair[0], pair[1], "\"up\"", null);
			assertThat(response.status()).as(String.join(" / ", pair)).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text("type")).isEqualTo("urn:frontdesk:problem:reply-not-found");
		}
		assertThat(ratings(mine.text("conversationId"))).isZero();
		assertThat(ratings(theirs.text("conversationId"))).isZero();
	}

	@Test
	void malformedFeedbackIsAClearProblemAndStoresNothing() {
		Response reply = patient().chat(null, "What is lateral fusion?");
		String ids = "\"conversationId\": \"" + reply.text("conversationId") + "\", \"replyId\": \"" + reply.text("replyId")
				+ "\"";
		List<String> bodies = List.of("[]", "\"up\"", "{}", "{" + ids + "}", "{" + ids + ", \"rating\": \"sideways\"}",
				"{" + ids + ", \"rating\": \"UP\"}", "{" + ids + ", \"rating\": 1}", "{" + ids + ", \"rating\": true}",
				"{\"conversationId\": \"" + reply.text("conversationId") + "\", \"replyId\": 12, \"rating\": \"up\"}",
				"{\"conversationId\": \"" + reply.text("conversationId") + "\", \"replyId\": \"12; drop table turn\", \"rating\": \"up\"}",
				"{\"conversationId\": \"" + reply.text("conversationId") + "\", \"replyId\": \"-1\", \"rating\": \"up\"}",
				"{\"conversationId\": \"" + reply.text("conversationId") + "\", \"replyId\": \"99999999999999999999\", \"rating\": \"up\"}",
				"{\"conversationId\": \"" + "x".repeat(65) + "\", \"replyId\": \"1\", \"rating\": \"up\"}",
				"{\"conversationId\": 5, \"replyId\": \"1\", \"rating\": \"up\"}",
				"{" + ids + ", \"rating\": \"down\", \"comment\": 5}",
				"{" + ids + ", \"rating\": \"down\", \"comment\": \"" + "a".repeat(1001) + "\"}",
				"{not json");
		for (String body : bodies) {
			Response response = patient().post("/api/feedback", body, "application/json");
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.contentType()).as(body).startsWith("application/problem+json");
			assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at org.");
		}
		assertThat(patient().post("/api/feedback", "rating=up", "application/x-www-form-urlencoded").status())
			.isEqualTo(415);
		assertThat(ratings(reply.text("conversationId"))).isZero();
	}

	@Test
	void anEmptyCommentIsNoComment() {
		Response reply = patient().chat(null, "What is lateral fusion?");

		Response response = rate(reply.text("conversationId"), reply.text("replyId"), "\"down\"", "\"   \"");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("comment").isNull()).isTrue();
	}

	private int ratings(String conversationId) {
		return jdbc.sql("select count(*) from reply_feedback where conversation_id = ?")
			.param(conversationId)
			.query(Integer.class)
			.single();
	}

	private Response rate(String conversationId, String replyId, String rating, String comment) {
		String body = "{\"conversationId\": \"" + conversationId + "\", \"replyId\": \"" + replyId + "\", \"rating\": "
				+ rating + (comment == null ? "" : ", \"comment\": " + comment) + "}";
		return patient().post("/api/feedback", body, "application/json");
	}

}
