package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;

/**
 * A callback request under way on a messaging channel is kept in the database: after a restart (or on another
 * instance) the patient's next answer continues it. A channel that does not know the sender's phone number asks for it.
 */
class CallbackExchangeRestartTest {

	static final String PATIENT = "telegram-like-4711";

	@Test
	void aRequestStartedBeforeARestartIsFinishedAfterIt() throws Exception {
		Path dataDir = Files.createTempDirectory("frontdesk-callback-form");
		try (ConfigurableApplicationContext before = start(dataDir)) {
			Patient patient = new Patient(before);
			assertThat(patient.say("can you call me back?")).endsWith("What is your name?");
			assertThat(patient.say("Hana Sato")).isEqualTo("Thank you. What number should we call? Please include the area code.");
		}

		try (ConfigurableApplicationContext after = start(dataDir)) {
			Patient patient = new Patient(after);
			assertThat(patient.say("+81 3 1234 5678")).startsWith("When is the best time to call?");
			patient.say("3");
			patient.say("Translation help needed");
			assertThat(patient.say("I agree")).startsWith("Thank you, we have your request.");

			Map<String, Object> request = after.getBean(JdbcClient.class)
				.sql("select * from callback_request where phone = '+81312345678'")
				.query()
				.singleRow();
			assertThat(request).containsEntry("name", "Hana Sato")
				.containsEntry("channel", "recording")
				.containsEntry("preferred_time", "evening")
				.containsEntry("reason", "Translation help needed");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(FrontdeskApplication.class, RecordingChannel.class).run("--server.port=0",
				"--frontdesk.data-dir=" + dataDir, "--frontdesk.knowledge.watch=false",
				"--frontdesk.retrieval.vectors.enabled=false");
	}

	/** The patient writing on the recording channel, waiting for each reply. */
	private static final class Patient {

		private final InboundMessages inbound;

		private final RecordingChannel channel;

		Patient(ConfigurableApplicationContext app) {
			this.inbound = app.getBean(InboundMessages.class);
			this.channel = app.getBean(RecordingChannel.class);
		}

		String say(String text) {
			int before = channel.sent().size();
			inbound.accept(List.of(InboundMessage.text("recording", "m-" + System.nanoTime(), PATIENT, text, Instant.now())));
			Eventually.until("a reply to \"" + text + "\"", () -> channel.sent().size() > before);
			return channel.sent().get(channel.sent().size() - 1).text();
		}

	}

}
