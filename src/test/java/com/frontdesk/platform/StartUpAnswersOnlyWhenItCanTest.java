package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.frontdesk.support.ChildApp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web server takes traffic only once a question can be answered: from the moment the app's port accepts a
 * connection, a real question gets a real answer, never {@code 503 Knowledge not available}, and readiness is never
 * {@code UP} before that.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StartUpAnswersOnlyWhenItCanTest {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Test
	void theFirstQuestionTheServerTakesIsAnswered() throws Exception {
		java.nio.file.Path data = Files.createTempDirectory("frontdesk-start");
		java.nio.file.Path knowledge = Files.createDirectories(data.resolve("knowledge"));
		String page = Files.readString(java.nio.file.Path.of("knowledge/minimally-invasive-lateral-fusion.md"));
		for (int copy = 0; copy < 400; copy++) { // a knowledge folder that takes a moment to index
			Files.writeString(knowledge.resolve("page-" + copy + ".md"), page.replace("url: /procedures/minimally-invasive-lateral-fusion",
					"url: /procedures/minimally-invasive-lateral-fusion-" + copy));
		}
		try (ChildApp app = ChildApp.launch(data, Map.of("frontdesk.knowledge.dir", knowledge.toString(),
				"frontdesk.retrieval.vectors.enabled", "false"))) {
			HttpRequest question = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/chat"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Will lateral fusion leave a big scar?\"}"))
				.build();
			HttpResponse<String> first = null;
			long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (first == null && app.alive() && System.nanoTime() < giveUp) {
				try {
					first = HTTP.send(question, HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException ex) {
					TimeUnit.MILLISECONDS.sleep(10); // not listening yet: ask again in a moment
				}
			}

			assertThat(first).as("the app started and answered").isNotNull();
			assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
			JsonNode reply = JsonMapper.builder().build().readTree(first.body());
			assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
			assertThat(reply.get("reply").stringValue()).contains("scar");
			app.stop();
		}
	}

}
