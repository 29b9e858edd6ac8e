package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.frontdesk.support.ChildApp;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.Postgres;
import com.frontdesk.support.Webhooks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever Frontdesk acknowledged is there after {@code kill -9}: the app runs in a JVM of its own, twelve patients
 * and platforms send chats, callback requests and the webhooks of all four messaging channels at once, the JVM is
 * killed in the middle of the burst (once 300 of them have been acknowledged), started again on the same data, and
 * every chat answered {@code 200}, callback answered {@code 201} and webhook answered {@code 200} is in the database.
 * On the embedded H2 default and on PostgreSQL.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NothingAcknowledgedIsLostOnAKillTest {

	static final int ACKNOWLEDGED_BEFORE_THE_KILL = 300;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final FakePlatforms platforms = new FakePlatforms();

	@AfterAll
	static void stopPlatforms() {
		platforms.stop();
	}

	/** One acknowledged thing and where it must be: a chat's conversation, a callback's id, a message's text. */
	record Acknowledged(String kind, String key) {
	}

	@Test
	void onTheEmbeddedDefault() throws Exception {
		Path data = Files.createTempDirectory("frontdesk-kill");
		List<Acknowledged> acknowledged = burstAndKill(data, Map.of());

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("frontdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
			assertAllThere(db, acknowledged);
		}
	}

	@Test
	void onPostgres() throws Exception {
		try (EmbeddedPostgres postgres = Postgres.start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			Map<String, String> settings = Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
					"spring.datasource.password", "postgres");
			List<Acknowledged> acknowledged = burstAndKill(Files.createTempDirectory("frontdesk-kill-pg"), settings);

			try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
				assertAllThere(db, acknowledged);
			}
		}
	}

	/** The burst, the kill once enough is acknowledged, and a restart on the same data that then stops in order. */
	private List<Acknowledged> burstAndKill(Path data, Map<String, String> database) throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(platforms.settings());
		settings.putAll(database);
		Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
		try (ChildApp app = ChildApp.start(data, settings)) {
			String consentVersion = JSON.readTree(get(app.port(), "/api/callbacks/form").body())
				.get("consentVersion")
				.stringValue();
			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_THE_KILL);
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService senders = Executors.newFixedThreadPool(12);
			for (int thread = 0; thread < 12; thread++) {
				int sender = thread;
				senders.submit(() -> {
					for (int n = 0; !killed.get(); n++) {
						try {
							Acknowledged ack = send(app.port(), sender, n, consentVersion);
							if (ack != null && !killed.get()) {
								acknowledged.add(ack);
								enough.countDown();
							}
						}
						catch (IOException ex) {
							// the app is gone: nothing was acknowledged
						}
					}
					return null;
				});
			}
			assertThat(enough.await(5, TimeUnit.MINUTES)).as("acknowledged before the kill").isTrue();
			app.kill();
			killed.set(true);
			senders.shutdown();
			assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		try (ChildApp again = ChildApp.start(data, settings)) {
			assertThat(again.stop()).as("the restarted app stops in order").isIn(0, 143);
		}
		return List.copyOf(acknowledged);
	}

	/**
	 * One request, by turns a chat, a callback request, and a webhook of each channel; what it acknowledged, or null
	 * when it was not acknowledged.
	 */
	private static Acknowledged send(int port, int sender, int n, String consentVersion) throws IOException {
		String token = "t" + sender + "x" + n;
		String phone = "1650555" + String.format("%04d", sender * 100 + n % 100);
		try {
			switch (n % 6) {
				case 0 -> {
					HttpResponse<String> chat = post(port, "/api/chat", "application/json",
							"{\"conversationId\": null, \"message\": \"Will lateral fusion leave a big scar? " + token + "\"}",
							Map.of());
					return chat.statusCode() == 200
							? new Acknowledged("chat", JSON.readTree(chat.body()).get("conversationId").stringValue()) : null;
				}
				case 1 -> {
					Map<String, Object> body = new HashMap<>();
					body.put("name", "Patient " + token);
					body.put("phone", "+" + phone);
					body.put("preferredTime", "any");
					body.put("consent", true);
					body.put("consentVersion", consentVersion);
					HttpResponse<String> callback = post(port, "/api/callbacks", "application/json",
							JSON.writeValueAsString(body), Map.of("Idempotency-Key", "key-" + token));
					return callback.statusCode() == 201
							? new Acknowledged("callback", JSON.readTree(callback.body()).get("id").stringValue()) : null;
				}
				default -> {
					String text = "how big is the scar " + token;
					List<Webhooks.Inbound> all = Webhooks.all("+" + phone, "id" + token, text);
					Webhooks.Inbound inbound = all.get(n % 6 - 2);
					HttpResponse<String> webhook = HTTP.send(inbound.request(port), HttpResponse.BodyHandlers.ofString());
					return webhook.statusCode() == 200 ? new Acknowledged("message", text) : null;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static void assertAllThere(Connection db, List<Acknowledged> acknowledged) throws SQLException {
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_KILL);
		assertThat(acknowledged).extracting(Acknowledged::kind).contains("chat", "callback", "message");
		List<Acknowledged> missing = new ArrayList<>();
		for (Acknowledged ack : acknowledged) {
			String sql = switch (ack.kind()) {
				case "chat" -> "select count(*) from turn where conversation_id = ?";
				case "callback" -> "select count(*) from callback_request where id = ?";
				default -> "select count(*) from channel_message where body = ?";
			};
			try (PreparedStatement query = db.prepareStatement(sql)) {
				query.setString(1, ack.key());
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					if (rows.getInt(1) == 0) {
						missing.add(ack);
					}
				}
			}
		}
		assertThat(missing).as("acknowledged, then lost with the kill (of %d acknowledged)", acknowledged.size())
			.isEmpty();
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(int port, String path, String type, String body,
			Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
