package com.frontdesk.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.FuzzCases;

/**
 * The long fuzz run: {@link FuzzCases} from several threads for minutes against the chat, the stream and every
 * webhook (all channels on, a WireMock platform answering the replies). Reports requests, statuses by kind, server
 * errors (with the seed and case number to replay them), whether every accepted message was processed without a
 * crash, heap after the run, and whether the server still answers. Not part of the normal test run (surefire
 * excludes {@code *Benchmark*}). Run it with:
 *
 * <pre>./mvnw -q -B test -Dtest=FuzzBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.fuzz.seconds=600</pre>
 *
 * Options: {@code bench.fuzz.seconds} (300), {@code bench.fuzz.threads} (4), {@code bench.fuzz.seed} (the time),
 * {@code bench.fuzz.rateLimiting} (false: the limits would refuse most of the run from one address).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FuzzBenchmark {

	@RegisterExtension
	static final FakePlatforms PLATFORMS = new FakePlatforms(wireMockConfig().dynamicPort().containerThreads(32));

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		PLATFORMS.channels(registry);
		registry.add("frontdesk.limits.rate-limiting", () -> System.getProperty("bench.fuzz.rateLimiting", "false"));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fuzz() throws Exception {
		long seconds = Long.getLong("bench.fuzz.seconds", 300);
		int threads = Integer.getInteger("bench.fuzz.threads", 4);
		long seed = Long.getLong("bench.fuzz.seed", System.currentTimeMillis());
		Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
		List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
		AtomicLong requests = new AtomicLong();
		long heapBefore = usedHeapAfterGc();
		long started = System.nanoTime();
		long deadline = started + seconds * 1_000_000_000L;
		ExecutorService callers = Executors.newFixedThreadPool(threads);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long threadSeed = seed + t;
			running.add(callers.submit(() -> {
				Random random = new Random(threadSeed);
				for (long i = 0; System.nanoTime() < deadline; i++) {
					FuzzCases.Case fuzz = FuzzCases.next(random);
					FuzzCases.Outcome outcome = FuzzCases.send(port, fuzz);
					requests.incrementAndGet();
					statuses.computeIfAbsent(fuzz.name().replaceAll(" \\d+$", ""), k -> new ConcurrentHashMap<>())
						.computeIfAbsent(outcome.status(), k -> new LongAdder())
						.increment();
					if (outcome.serverError()) {
						serverErrors.add("seed " + threadSeed + " case " + i + ": " + fuzz.name() + " " + fuzz.path()
								+ " -> " + outcome.status());
					}
				}
			}));
		}
		for (Future<?> caller : running) {
			caller.get();
		}
		callers.shutdown();
		double elapsed = (System.nanoTime() - started) / 1e9;
		long waitStarted = System.nanoTime();
		while (pendingMessages() > 0 && System.nanoTime() - waitStarted < 120_000_000_000L) {
			Thread.sleep(200);
		}
		long pending = pendingMessages();
		List<String> crashed = jdbc.sql("select detail from channel_message where detail like 'pipeline:%' "
				+ "or detail like 'error:%'").query(String.class).list();
		int processed = jdbc.sql("select count(*) from channel_message").query(Integer.class).single();
		long heapAfter = usedHeapAfterGc();
		ChatClient client = new ChatClient(port);
		int liveness = client.get("/actuator/health/liveness").status();
		String intent = client.chat(null, "Will lateral fusion leave a big scar?").text("intent");

		StringBuilder report = new StringBuilder();
		report.append(String.format("Fuzz: %d requests in %.0f s from %d threads (%.0f/s), seed %d%n", requests.get(),
				elapsed, threads, requests.get() / elapsed, seed));
		report.append(String.format("Server errors: %d%n", serverErrors.size()));
		serverErrors.stream().limit(20).forEach(error -> report.append("  ").append(error).append('\n'));
		report.append("Statuses by kind of input:\n");
		statuses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(kind -> {
			report.append(String.format("  %-32s", kind.getKey()));
			kind.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(status -> report.append(String.format(" %d: %d", status.getKey(), status.getValue().sum())));
			report.append('\n');
		});
		report.append(String.format("Messages stored from webhooks: %d, still pending: %d, crashed the pipeline: %d%n",
				processed, pending, crashed.size()));
		report.append(String.format("Heap after GC: %d MB before, %d MB after%n", heapBefore >> 20, heapAfter >> 20));
		report.append(String.format("Afterwards: liveness %d, a patient's question answered with intent %s%n", liveness,
				intent));
		System.out.print(report);
		write(report.toString());

		assertThat(serverErrors).isEmpty();
		assertThat(crashed).isEmpty();
		assertThat(pending).isZero();
		assertThat(liveness).isEqualTo(200);
		assertThat(intent).isEqualTo("answer");
	}

	private long pendingMessages() {
		return jdbc.sql("select count(*) from channel_message where status in ('pending', 'processing')")
			.query(Long.class)
			.single();
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void write(String report) throws IOException {
		Path file = Path.of("target", "benchmarks", "fuzz.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

}
