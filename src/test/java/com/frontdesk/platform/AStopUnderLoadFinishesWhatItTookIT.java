package com.frontdesk.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.ChildApp;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.Webhooks;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A normal stop ({@code SIGTERM}, as a rolling deploy sends) in the middle of a burst of chats, streamed chats and
 * Telegram updates, sent to the released app (the packaged jar, laid out and started as the production guide and the
 * Docker image do): it stops taking new work, finishes what it took, and only then closes the
 * knowledge index and the database. No request gets a 500, nothing fails on a closed index, and after a restart on
 * the same data every Telegram update acknowledged before the stop has been answered exactly once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AStopUnderLoadFinishesWhatItTookIT {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final FakePlatforms platforms = new FakePlatforms();

	@AfterAll
	static void stopPlatforms() {
		platforms.stop();
	}

	@Test
	void noPatientGetsAnErrorAndEveryAcknowledgedMessageIsAnsweredOnce() throws Exception {
		Path data = Files.createTempDirectory("frontdesk-stop");
		Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
		Queue<Long> acknowledgedChats = new ConcurrentLinkedQueue<>();
		String output;
		try (ChildApp app = ChildApp.startPackaged(data, platforms.settings())) {
			CountDownLatch enough = new CountDownLatch(150);
			AtomicBoolean stopped = new AtomicBoolean();
			ExecutorService senders = Executors.newFixedThreadPool(10);
			for (int thread = 0; thread < 10; thread++) {
				int sender = thread;
				senders.submit(() -> {
					for (int n = 0; !stopped.get(); n++) {
						try {
							long chat = 7_000_000L + sender * 10_000L + n;
							HttpRequest request = switch (n % 3) {
								case 0 -> json(app.port(), "/api/chat", "{\"message\": \"How big is the scar?\"}");
								case 1 -> json(app.port(), "/api/chat/stream", "{\"message\": \"What are pedicle screws?\"}");
								default -> Webhooks.telegram(chat, chat, "how big is the scar").request(app.port());
							};
							HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
							statuses.add(response.statusCode());
							if (n % 3 == 2 && response.statusCode() == 200) {
								acknowledgedChats.add(chat);
							}
							enough.countDown();
						}
						catch (IOException ex) {
							// refused: the app no longer takes new work
						}
					}
					return null;
				});
			}
			assertThat(enough.await(3, TimeUnit.MINUTES)).isTrue();
			assertThat(app.stop()).as("exit code of an orderly stop").isIn(0, 143);
			stopped.set(true);
			senders.shutdown();
			assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
			output = app.output();
		}

		assertThat(statuses).as("every answer before and during the stop").isNotEmpty().allMatch(s -> s < 500 || s == 503);
		assertThat(output).doesNotContain("AlreadyClosedException").doesNotContain("HTTP 500");

		try (ChildApp again = ChildApp.startPackaged(data, platforms.settings())) {
			Eventually.until("every acknowledged update answered", Duration.ofSeconds(90),
					() -> acknowledgedChats.stream().allMatch(chat -> answersTo(chat) > 0));
			for (long chat : acknowledgedChats) {
				assertThat(answersTo(chat)).as("Telegram replies to chat %d", chat).isEqualTo(1);
			}
			again.stop();
		}
	}

	/** How many replies the fake Bot API received for a Telegram chat. */
	private static long answersTo(long chat) {
		java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"chat_id\"\\s*:\\s*\"?" + chat + "\\b");
		List<LoggedRequest> sent = platforms.findAll(postRequestedFor(urlPathMatching("/bot.*/sendMessage")));
		return sent.stream().filter(r -> id.matcher(r.getBodyAsString()).find()).count();
	}

	private static HttpRequest json(int port, String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
