package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.practice.PracticeId;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The channel migrations and stores on a real PostgreSQL: dedupe, conversations per sender, opt-outs. */
@SpringBootTest(classes = { FrontdeskApplication.class, RecordingChannel.class })
class PostgresChannelStoresTest {

	static final EmbeddedPostgres POSTGRES = start();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		POSTGRES.close();
	}

	@Autowired
	InboundMessages inbound;

	@Autowired
	ContactStore contacts;

	@Autowired
	RecordingChannel channel;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesOnceAnswersAndKeepsOneConversationPerSender() {
		Instant now = Instant.now();
		InboundMessage first = InboundMessage.text("recording", "pg-1", "pg-patient", "What is lateral fusion?", now);
		InboundMessage second = InboundMessage.text("recording", "pg-2", "pg-patient", "Will it leave a scar?", now);

		assertThat(inbound.accept(List.of(first, first))).isEqualTo(1);
		assertThat(inbound.accept(List.of(first, second))).isEqualTo(1);

		MessageRows rows = new MessageRows(jdbc);
		assertThat(rows.finalStatus("recording", "pg-1")).isEqualTo("answered");
		assertThat(rows.finalStatus("recording", "pg-2")).isEqualTo("answered");
		assertThat(channel.sent()).hasSize(2);
		assertThat(contacts.conversation(PracticeId.DEFAULT, "recording", "pg-patient")).isPresent();
	}

	@Test
	void recordsOptOutsAndOptIns() {
		assertThat(contacts.optedOut(PracticeId.DEFAULT, "recording", "pg-stopper")).isFalse();
		contacts.optOut(PracticeId.DEFAULT, "recording", "pg-stopper");
		assertThat(contacts.optedOut(PracticeId.DEFAULT, "recording", "pg-stopper")).isTrue();
		contacts.optIn(PracticeId.DEFAULT, "recording", "pg-stopper");
		assertThat(contacts.optedOut(PracticeId.DEFAULT, "recording", "pg-stopper")).isFalse();
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
