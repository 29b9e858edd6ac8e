package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.platform.Instances;

/**
 * A stop with messages in hand: the message workers claim nothing new from the moment the stop begins, the reply
 * being sent is finished, the message whose reply had not started when the grace ran out is handed back as pending,
 * and only then does the heartbeat end and the knowledge index close. The next start on the same data answers every
 * message left, each exactly once. The channel's gates hold the work up where the test needs it (no sleeps).
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AStopHandsBackWhatItCannotFinishTest {

	@BeforeEach
	void closeTheGates() {
		GatedChannel.reset();
	}

	@Test
	void aStopFinishesTheReplyUnderWayHandsBackTheRestAndTheNextStartAnswersEachOnce(CapturedOutput output)
			throws Exception {
		Path data = Files.createTempDirectory("frontdesk-stop-order");
		Instant now = Instant.now();
		ConfigurableApplicationContext before = start(data);
		InboundMessages inbound = before.getBean(InboundMessages.class);
		InboundProcessor workers = before.getBean(InboundProcessor.class);
		Instances instances = before.getBean(Instances.class);

		inbound.accept(List.of(message("m-sending", GatedChannel.SLOW_SEND_TO, now)));
		assertThat(GatedChannel.sending.await(1, TimeUnit.MINUTES)).as("the first reply is being sent").isTrue();
		inbound.accept(List.of(message(GatedChannel.HELD_BEFORE_REPLY, "patient-b", now),
				message("m-next-of-a", GatedChannel.SLOW_SEND_TO, now)));
		assertThat(GatedChannel.holding.await(1, TimeUnit.MINUTES)).as("the second message is held").isTrue();

		Thread stop = Thread.ofPlatform().name("test-stop").start(before::close);
		Eventually.until("the workers stop claiming", () -> !workers.isRunning());
		inbound.accept(List.of(message("m-during-stop", "patient-c", now)));
		assertThat(instances.isRunning()).as("the heartbeat while the workers finish").isTrue();
		GatedChannel.sendGate.countDown();
		stop.join();
		GatedChannel.holdGate.countDown();
		GatedChannel.heldThread.join();

		assertThat(GatedChannel.sentTo(GatedChannel.SLOW_SEND_TO)).as("the reply under way was finished").isEqualTo(1);
		assertThat(GatedChannel.sentTo("patient-b")).as("the handed-back message, after it was handed back").isZero();
		assertThat(GatedChannel.interrupted).as("a worker interrupted").isFalse();
		assertThat(inOrder(output.getOut(), "Stopping: message workers take no new message",
				"Gated channel sent a reply to " + GatedChannel.SLOW_SEND_TO, "1 message(s) handed back as pending",
				"Stopping: instance heartbeat ended", "Stopping: knowledge indexes closed"))
			.as("the order of the stop in the log")
			.isTrue();
		assertThat(statuses(data)).containsExactly(Map.entry("m-sending", "answered"),
				Map.entry(GatedChannel.HELD_BEFORE_REPLY, "pending"), Map.entry("m-next-of-a", "pending"),
				Map.entry("m-during-stop", "pending"));
		assertThat(liveInstances(data)).as("the stopped instance signed off").isZero();

		try (ConfigurableApplicationContext after = start(data)) {
			MessageRows rows = new MessageRows(after.getBean(JdbcClient.class));
			for (String id : List.of("m-sending", GatedChannel.HELD_BEFORE_REPLY, "m-next-of-a", "m-during-stop")) {
				assertThat(rows.finalStatus("gated", id)).as(id).isEqualTo("answered");
			}
		}
		assertThat(GatedChannel.sentTo(GatedChannel.SLOW_SEND_TO)).as("patient a: two messages, two replies").isEqualTo(2);
		assertThat(GatedChannel.sentTo("patient-b")).isEqualTo(1);
		assertThat(GatedChannel.sentTo("patient-c")).isEqualTo(1);
	}

	private static InboundMessage message(String id, String sender, Instant at) {
		return InboundMessage.text("gated", id, sender, "hello", at);
	}

	private static boolean inOrder(String text, String... lines) {
		int from = 0;
		for (String line : lines) {
			from = text.indexOf(line, from);
			if (from < 0) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, String> statuses(Path data) throws SQLException {
		Map<String, String> statuses = new LinkedHashMap<>();
		try (Connection db = open(data);
				ResultSet rows = db.createStatement()
					.executeQuery("select platform_message_id, status, claimed_by from channel_message order by id")) {
			while (rows.next()) {
				assertThat(rows.getString("status").equals("processing") && rows.getString("claimed_by") != null)
					.as("still claimed after the stop: %s", rows.getString(1))
					.isFalse();
				statuses.put(rows.getString(1), rows.getString(2));
			}
		}
		return statuses;
	}

	private static int liveInstances(Path data) throws SQLException {
		try (Connection db = open(data);
				ResultSet rows = db.createStatement().executeQuery("select count(*) from app_instance")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static Connection open(Path data) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("frontdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(FrontdeskApplication.class, GatedChannel.class).run("--server.port=0",
				"--frontdesk.data-dir=" + data, "--frontdesk.retrieval.vectors.enabled=false",
				"--frontdesk.channels.workers.shutdown-grace=3s", "--logging.level.com.frontdesk=info");
	}

}
