package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.FrontdeskApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An instance cut off from its database (a network partition, a fail-over in progress) still stops when told to,
 * instead of holding the shutdown for the connection pool's 30-second timeout: the other instances take its work
 * over after {@code stale-after} anyway.
 */
class ShutdownWithoutDatabaseTest {

	static final int SOCKET_TIMEOUT_SECONDS = 5;

	@Test
	void anInstanceCutOffFromItsDatabaseStillStopsPromptly() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); Partition partition = new Partition(postgres.getPort())) {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontdeskApplication.class).run(
					"--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + partition.port() + "/postgres?socketTimeout="
							+ SOCKET_TIMEOUT_SECONDS,
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--frontdesk.data-dir=" + Files.createTempDirectory("frontdesk-shutdown"));
			partition.cut();

			CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);

			// the pool alone would wait 30 s for a connection that never comes; a query already waiting for an answer
			// (a scheduled purge) gives up after the socket timeout the production URL of docs/production.md sets
			closing.get(Instances.SIGN_OFF_WAIT.toSeconds() + SOCKET_TIMEOUT_SECONDS + 15, TimeUnit.SECONDS);
			assertThat(app.isActive()).isFalse();
		}
	}

	/** A TCP relay to the database that, once cut, keeps every connection open but passes nothing on. */
	static final class Partition implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private volatile boolean cut;

		Partition(int target) throws IOException {
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					try {
						Socket client = server.accept();
						Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
						Thread.ofVirtual().start(() -> relay(client, database));
						Thread.ofVirtual().start(() -> relay(database, client));
					}
					catch (IOException ex) {
						return;
					}
				}
			});
		}

		int port() {
			return server.getLocalPort();
		}

		void cut() {
			cut = true;
		}

		private void relay(Socket from, Socket to) {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n; (n = in.read(buffer)) >= 0;) {
					if (!cut) {
						out.write(buffer, 0, n);
					}
				}
			}
			catch (IOException ex) {
				// the other side went away
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
