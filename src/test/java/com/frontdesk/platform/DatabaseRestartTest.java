package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL restarts under a running Frontdesk: while it is down a patient gets a 503 problem with
 * {@code Retry-After} (never a 500 or a stack trace), and once it is back the same conversation goes on (retrying
 * as asked: the connection pool may first hand out a connection that died with the old server).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500" })
class DatabaseRestartTest {

	static final Path DATA = tempDirectory();

	static final int PORT = freePort();

	static EmbeddedPostgres postgres = start();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@LocalServerPort
	int port;

	@Test
	void whileTheDatabaseIsDownPatientsAreAskedToRetryAndAfterItsRestartTheConversationGoesOn() throws IOException {
		ChatClient client = new ChatClient(port);
		String id = client.chat(null, "what are pedicle screws?").text("conversationId");

		postgres.close();
		Response down = client.chat(id, "and the scars?");
		postgres = start();
		Response after = client.chat(id, "and the scars?");
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (after.status() == 503 && System.nanoTime() < deadline) {
			sleep(down.json().get("retryAfter").intValue());
			after = client.chat(id, "and the scars?");
		}

		assertThat(down.status()).isEqualTo(503);
		assertThat(down.contentType()).startsWith("application/problem+json");
		assertThat(down.json().get("retryAfter").intValue()).isEqualTo(5);
		assertThat(down.body()).doesNotContain("Exception", "SQL", "jdbc", "postgres");
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().get("reply").stringValue()).contains("scar");
	}

	/** A patient who was asked to retry waits (at most the seconds asked) before sending again. */
	private static void sleep(int seconds) {
		try {
			Thread.sleep(Math.min(seconds, 1) * 1000L);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDirectory() {
		try {
			return Files.createTempDirectory("frontdesk-pg-restart");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
