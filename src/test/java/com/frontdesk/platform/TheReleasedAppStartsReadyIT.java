package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The released app as an operator starts it (the packaged jar laid out by {@code tools/fast-start}, its ahead-of-time
 * cache required): it starts with the cache, the first question after readiness is answered from the content, and
 * its log carries no warning an operator would have to look into.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TheReleasedAppStartsReadyIT {

	@Test
	void theFirstQuestionAfterReadinessIsAnsweredAndTheLogHasNoWarnings() throws Exception {
		try (ChildApp app = ChildApp.startPackaged(Files.createTempDirectory("frontdesk-released"), Map.of())) {
			HttpRequest question = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/chat"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"Will lateral fusion leave a big scar?\"}"))
				.build();
			HttpResponse<String> first = HttpClient.newHttpClient().send(question, HttpResponse.BodyHandlers.ofString());

			assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
			JsonNode reply = JsonMapper.builder().build().readTree(first.body());
			assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
			assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
			assertThat(app.stop()).as("exit code of an orderly stop").isIn(0, 143);
			assertThat(app.output()).doesNotContain("CUDA", "GPU", "[warning][aot", "[error]")
				.doesNotContainPattern("\\bERROR\\b");
		}
	}

}
