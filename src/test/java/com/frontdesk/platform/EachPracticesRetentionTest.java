package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.support.MovableClock;
import com.frontdesk.support.MutableClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * A practice that keeps patient data for a shorter time than the deployment has its conversations and callback
 * requests deleted after its own period, while the other practice's stay for the deployment's; rows of a practice no
 * longer configured are deleted after the deployment's period, never kept for ever.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = { FrontdeskApplication.class, MovableClock.class })
class EachPracticesRetentionTest {

	static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	static final PracticeId NORTHSIDE = PracticeId.parse("northside");

	@DynamicPropertySource
	static void periods(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.retention.conversations", () -> "30d");
		settings.add("frontdesk.retention.callback-requests", () -> "60d");
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
		settings.add("frontdesk.practices[0].retention.conversations", () -> "7d");
		settings.add("frontdesk.practices[0].retention.callback-requests", () -> "10d");
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Retention retention;

	@Autowired
	CallbackRequests callbacks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachPracticesDataGoesAfterItsOwnPeriod() {
		clock.set(START);
		ChatClient client = new ChatClient(port);
		JsonMapper json = JsonMapper.builder().build();
		String ours = client.chat(null, "What are pedicle screws made of?").text("conversationId");
		String theirs = client.post("/api/chat", json.writeValueAsString(Map.of("message", "Is there parking?",
				"practice", "northside")), "application/json").text("conversationId");
		String ourCallback = callback(PracticeId.DEFAULT, ours);
		String theirCallback = callback(NORTHSIDE, theirs);
		jdbc.sql("insert into conversation (id, practice_id, channel, created_at, updated_at) values (?, ?, 'web', ?, ?)")
			.params("left-behind", "closed-practice", utc(START), utc(START))
			.update();

		clock.set(START.plus(Duration.ofDays(8)));
		retention.purge();
		assertThat(conversations()).contains(ours, "left-behind").doesNotContain(theirs);
		assertThat(callbackRequests()).contains(ourCallback, theirCallback);

		clock.set(START.plus(Duration.ofDays(11)));
		retention.purge();
		assertThat(callbackRequests()).contains(ourCallback).doesNotContain(theirCallback);

		clock.set(START.plus(Duration.ofDays(31)));
		retention.purge();
		assertThat(conversations()).doesNotContain(ours, "left-behind");
		assertThat(callbackRequests()).contains(ourCallback);

		clock.set(START.plus(Duration.ofDays(61)));
		retention.purge();
		assertThat(callbackRequests()).doesNotContain(ourCallback);
	}

	private String callback(PracticeId practice, String conversationId) {
		return callbacks.submit(new CallbackSubmission(practice, conversationId, "web", "Pat Patient", "(650) 555-0142",
				null, "morning", "About my visit", true, callbacks.consentWording(practice).version(), null)).id();
	}

	private List<String> conversations() {
		return jdbc.sql("select id from conversation").query(String.class).list();
	}

	private List<String> callbackRequests() {
		return jdbc.sql("select id from callback_request").query(String.class).list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
