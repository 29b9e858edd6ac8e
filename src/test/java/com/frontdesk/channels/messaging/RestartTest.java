package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;

/**
 * A crash after the acknowledgement loses nothing: what was stored but not answered is answered when Frontdesk
 * starts again, and what was answered is not answered again.
 */
class RestartTest {

	@Test
	void answersMessagesLeftPendingWhenItStartsAgain() throws Exception {
		Path dataDir = Files.createTempDirectory("frontdesk-restart");
		Instant now = Instant.now();
		try (ConfigurableApplicationContext before = start(dataDir, false)) {
			InboundMessages inbound = before.getBean(InboundMessages.class);
			inbound.accept(List.of(InboundMessage.text("recording", "m-1", "patient-1", "What is lateral fusion?", now),
					InboundMessage.text("recording", "m-2", "patient-2", "hello", now)));
			JdbcClient jdbc = before.getBean(JdbcClient.class);
			jdbc.sql("update channel_message set status = 'processing' where platform_message_id = 'm-2'").update();
			assertThat(before.getBean(RecordingChannel.class).sent()).isEmpty();
		}

		try (ConfigurableApplicationContext after = start(dataDir, true)) {
			RecordingChannel channel = after.getBean(RecordingChannel.class);
			MessageRows rows = new MessageRows(after.getBean(JdbcClient.class));

			assertThat(rows.finalStatus("recording", "m-1")).isEqualTo("answered");
			assertThat(rows.finalStatus("recording", "m-2")).isEqualTo("answered");
			assertThat(channel.sent()).extracting(RecordingChannel.Sent::recipient)
				.containsExactlyInAnyOrder("patient-1", "patient-2");

			int accepted = after.getBean(InboundMessages.class)
				.accept(List.of(InboundMessage.text("recording", "m-1", "patient-1", "What is lateral fusion?", now)));
			Eventually.settle();
			assertThat(accepted).isZero();
			assertThat(channel.sent()).hasSize(2);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, boolean channelEnabled) {
		return new SpringApplicationBuilder(FrontdeskApplication.class, RecordingChannel.class)
			.run("--server.port=0", "--frontdesk.data-dir=" + dataDir, "--test.recording.enabled=" + channelEnabled);
	}

}
