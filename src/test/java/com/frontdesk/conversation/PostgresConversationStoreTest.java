package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The same migrations and store run on a real PostgreSQL, chosen by configuration alone. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostgresConversationStoreTest {

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

	@LocalServerPort
	int port;

	@Autowired
	ConversationStore store;

	@Test
	void storesTurnsInPostgres() {
		ChatClient client = new ChatClient(port);
		String id = client.chat(null, "what are pedicle screws?").text("conversationId");
		client.chat(id, "and the scars?");

		assertThat(store.turns(id)).extracting(Turn::intent).containsExactly(Intent.ANSWER, Intent.ANSWER);
		assertThat(store.turns(id).get(1).reply()).contains("small scar");
		assertThat(store.latestTopic(id)).as("the document, then the section last answered from")
			.contains("Minimally Invasive Lateral Fusion\nScars");
		assertThat(store.recentTurns(id, 1)).extracting(Turn::question).containsExactly("and the scars?");
		assertThat(store.recentTurns(id, 5)).extracting(Turn::question)
			.containsExactly("what are pedicle screws?", "and the scars?");
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
