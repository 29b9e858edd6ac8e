package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.FuzzCases;

/**
 * Bounded fuzzing with a fixed seed: random bytes, huge bodies, deep JSON, invalid UTF-8, Unicode edge cases,
 * mutated and re-signed webhooks, raw requests, against the chat, the stream and every webhook. Never a server
 * error (not even inside a stream), every message that got through is processed without a crash, and the server
 * still answers patients afterwards. The longer run is {@code bench/FuzzBenchmark} (docs/reliability.md).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FuzzTest {

	static final long SEED = 20261124L;

	static final int REQUESTS = 600;

	@RegisterExtension
	static final FakePlatforms PLATFORMS = new FakePlatforms();

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		PLATFORMS.channels(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hostileInputNeverCausesAServerErrorAndTheServerStaysUp() {
		Random random = new Random(SEED);
		Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
		List<String> serverErrors = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			FuzzCases.Case fuzz = FuzzCases.next(random);
			FuzzCases.Outcome outcome = FuzzCases.send(port, fuzz);
			statuses.computeIfAbsent(fuzz.name().replaceAll(" \\d+$", ""), name -> new TreeMap<>())
				.merge(outcome.status(), 1, Integer::sum);
			if (outcome.serverError()) {
				serverErrors.add("#" + i + " " + fuzz.name() + " " + fuzz.path() + " -> " + outcome.status() + " "
						+ outcome.body().substring(0, Math.min(300, outcome.body().length())));
			}
		}

		assertThat(serverErrors).as("server errors (statuses by kind: %s)", statuses).isEmpty();
		assertThat(statuses.keySet()).as("every kind of input was tried").hasSizeGreaterThanOrEqualTo(11);
		Eventually.until("every accepted message is processed", () -> jdbc
			.sql("select count(*) from channel_message where status in ('pending', 'processing')")
			.query(Integer.class)
			.single() == 0);
		assertThat(jdbc.sql("select detail from channel_message where detail like 'pipeline:%' or detail like 'error:%'")
			.query(String.class)
			.list()).as("no message crashed the pipeline").isEmpty();
		ChatClient client = new ChatClient(port);
		assertThat(client.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(client.chat(null, "Will lateral fusion leave a big scar?").text("intent")).isEqualTo("answer");
	}

}
