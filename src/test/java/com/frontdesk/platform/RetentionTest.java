package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.channels.messaging.InboundMessage;
import com.frontdesk.channels.messaging.InboundMessages;
import com.frontdesk.channels.messaging.MessageRows;
import com.frontdesk.channels.messaging.RecordingChannel;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.MovableClock;
import com.frontdesk.support.MutableClock;

/**
 * Patient data is deleted when its retention is over, on a clock the test moves, by every module that keeps it: idle
 * conversations with their turns and the ratings of their replies, their messaging contacts and channel messages (an
 * opt-out is kept), and old callback requests; what is recent stays, and purging again changes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = { FrontdeskApplication.class, RecordingChannel.class, MovableClock.class },
		properties = { "frontdesk.retention.conversations=30d", "frontdesk.retention.callback-requests=60d",
				"frontdesk.retention.batch-size=2" })
class RetentionTest {

	static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Retention retention;

	@Autowired
	InboundMessages inbound;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesWhatIsPastItsRetentionAndKeepsTheRest() {
		clock.set(START);
		ChatClient client = new ChatClient(port);
		String old = client.chat(null, "what are pedicle screws?").text("conversationId");
		rates(client, old, client.chat(old, "and the scars?").text("replyId"));
		String otherOld = client.chat(null, "hello").text("conversationId");
		answered("patient-old", "m-old-1", "What is lateral fusion?");
		answered("patient-stopped", "m-stop-1", "What is lateral fusion?");
		answered("patient-stopped", "m-stop-2", "STOP");
		jdbc.sql("update channel_contact set opted_out_at = ? where sender = 'patient-stopped'").param(utc(START)).update();
		String oldCallback = callbackRequest(old, START);
		String deliveredNotice = notice(START, "delivered");
		String undeliveredNotice = notice(START, "failing");

		clock.set(START.plus(Duration.ofDays(20)));
		String active = client.chat(null, "what are pedicle screws?").text("conversationId");
		clock.set(START.plus(Duration.ofDays(45)));
		client.chat(active, "and the scars?");
		Response recentReply = client.chat(null, "will it leave a scar?");
		String recent = recentReply.text("conversationId");
		rates(client, recent, recentReply.text("replyId"));
		answered("patient-recent", "m-recent-1", "What is lateral fusion?");
		String recentCallback = callbackRequest(recent, START.plus(Duration.ofDays(45)));
		String recentNotice = notice(START.plus(Duration.ofDays(45)), "delivered");
		clock.set(START.plus(Duration.ofDays(70)));

		Retention.Purged purged = retention.purge();

		assertThat(purged.conversations()).as("two web, two messaging").isEqualTo(4);
		assertThat(client.get("/api/conversations/" + old).status()).isEqualTo(404);
		assertThat(client.chat(old, "and the scars?").status()).isEqualTo(404);
		assertThat(count("select count(*) from turn where conversation_id in ('" + old + "', '" + otherOld + "')")).isZero();
		assertThat(count("select count(*) from reply_feedback where conversation_id = '" + old + "'")).isZero();
		assertThat(count("select count(*) from channel_message where sender in ('patient-old', 'patient-stopped')")).isZero();
		assertThat(count("select count(*) from channel_contact where sender = 'patient-old'")).isZero();
		assertThat(jdbc.sql("select conversation_id from channel_contact where sender = 'patient-stopped' "
				+ "and opted_out_at is not null").query(String.class).list()).as("the opt-out is kept, nothing else")
			.containsExactly((String) null);
		assertThat(ids("select id from callback_request")).containsExactly(recentCallback).doesNotContain(oldCallback);
		assertThat(ids("select notice_key from practice_notice")).as("a notice the practice has not received is kept")
			.containsExactlyInAnyOrder(undeliveredNotice, recentNotice)
			.doesNotContain(deliveredNotice);

		assertThat(client.get("/api/conversations/" + active).json().get("turns")).hasSize(2);
		assertThat(client.get("/api/conversations/" + recent).json().get("turns")).hasSize(1);
		assertThat(count("select count(*) from reply_feedback where conversation_id = '" + recent + "'")).isEqualTo(1);
		assertThat(count("select count(*) from channel_message where sender = 'patient-recent'")).isEqualTo(1);
		assertThat(count("select count(*) from channel_contact where sender = 'patient-recent'")).isEqualTo(1);

		assertThat(retention.purge()).as("purging again deletes nothing").isEqualTo(new Retention.Purged(0, 0, 0, 0));
		answered("patient-old", "m-old-2", "hello again");
		assertThat(count("select count(*) from channel_contact where sender = 'patient-old' and conversation_id is not null"))
			.as("a purged contact starts a new conversation").isEqualTo(1);
	}

	private static void rates(ChatClient client, String conversationId, String replyId) {
		Response rated = client.post("/api/feedback", "{\"conversationId\": \"" + conversationId + "\", \"replyId\": \""
				+ replyId + "\", \"rating\": \"down\", \"comment\": null}", "application/json");
		assertThat(rated.status()).isEqualTo(200);
	}

	private void answered(String sender, String messageId, String text) {
		inbound.accept(List.of(InboundMessage.text("recording", messageId, sender, text, clock.instant())));
		new MessageRows(jdbc).finalStatus("recording", messageId);
	}

	/** A notice to the practice (with its one delivery in {@code status}), as the outbox stores it. */
	private String notice(Instant at, String status) {
		String key = UUID.randomUUID().toString();
		jdbc.sql("insert into practice_notice (notice_key, type, payload, created_at) values (?, 'callback_request', "
				+ "'{\"fields\": {\"Name\": \"A Patient\"}}', ?)").params(key, utc(at)).update();
		jdbc.sql("insert into notice_delivery (notice_id, target, status, attempts, next_attempt_at) "
				+ "select id, 'webhook', ?, 1, ? from practice_notice where notice_key = ?")
			.params(status, utc(at), key)
			.update();
		return key;
	}

	private String callbackRequest(String conversationId, Instant at) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into callback_request (id, conversation_id, channel, name, phone, preferred_time, consent_text,
				  consent_at, idempotency_key, status, created_at)
				values (?, ?, 'web', 'A Patient', '+15550100', 'morning', 'I agree to be called.', ?, ?, 'new', ?)""")
			.params(id, conversationId, utc(at), id, utc(at))
			.update();
		return id;
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private List<String> ids(String sql) {
		return jdbc.sql(sql).query(String.class).list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
