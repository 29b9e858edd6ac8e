package com.frontdesk.bench;

import com.frontdesk.practice.PracticeId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.answering.EmbeddedAnswerer;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.ConversationStore;
import com.frontdesk.conversation.Intent;
import com.frontdesk.conversation.Turn;
import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.knowledge.KnowledgeLoader;
import com.frontdesk.knowledge.KnowledgeSnapshot;
import com.frontdesk.retrieval.IndexStatus;
import com.frontdesk.retrieval.KnowledgeIndex;
import com.frontdesk.retrieval.KnowledgeIndexes;
import com.frontdesk.retrieval.Retrieval;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency benchmark of a chat turn on the embedded default: the real Spring context, the real {@code knowledge/}
 * folder, an embedded H2 file database (the test configuration puts it in a fresh temporary folder).
 *
 * <p>Not part of the normal test run (surefire excludes {@code *Benchmark*}). Run it with:
 *
 * <pre>./mvnw -q -B test -Dtest=ChatTurnBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Phases, in this order: heap after start; index build (repeated {@link KnowledgeIndex#reindex()} after warm-up);
 * server-side turns ({@link TurnPipeline#handle}) one caller at a time after warm-up, then with 2 and 4 concurrent
 * callers; HTTP round trips of {@code POST /api/chat} over loopback; a per-stage breakdown; heap after the turns.
 * Results are printed and written to {@code target/benchmarks/chat-turn.json}. Durations can be changed with
 * {@code -Dbench.*} properties (see {@link #config}); {@code -Dbench.enforce=true} fails the run when a target is
 * missed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatTurnBenchmark {

	static final double TURN_P99_TARGET_MS = 20.0;

	static final double INDEX_BUILD_TARGET_MS = 1000.0;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalServerPort
	int port;

	@Autowired
	TurnPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	com.frontdesk.practice.Practices practices;

	/** The default practice's index. */
	KnowledgeIndex index;

	@Autowired
	void defaultPracticesIndex(KnowledgeIndexes indexes) {
		this.index = indexes.of(PracticeId.DEFAULT);
	}

	@Autowired
	KnowledgeLoader loader;

	@Autowired
	Triage triage;

	@Autowired
	Retriever retriever;

	@Autowired
	EmbeddedAnswerer answerer;

	@Autowired
	ConversationStore store;

	private final Map<String, Object> config = new LinkedHashMap<>();

	private final Map<String, String> observedIntents = new ConcurrentHashMap<>();

	@Test
	void chatTurn() throws Exception {
		long uptimeAtFirstTestMs = ManagementFactory.getRuntimeMXBean().getUptime();
		IndexStatus startupBuild = index.status();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("benchmark", "chat-turn");
		results.put("run_at", Instant.now().toString());
		results.put("environment", environment());
		results.put("config", config);

		// 1. Heap after start: the context is up (index built, database migrated), nothing else has run yet.
		results.put("jvm_uptime_at_first_test_ms", uptimeAtFirstTestMs);
		Map<String, Object> heapAfterStart = heap(true);
		results.put("heap_after_start", heapAfterStart);
		section("Heap after start (after System.gc())");
		System.out.printf("  JVM uptime when the benchmark began (includes the context start): %d ms%n",
				uptimeAtFirstTestMs);
		printHeap(heapAfterStart);

		// 2. Index build of knowledge/.
		Map<String, Object> indexBuild = indexBuild(startupBuild);
		results.put("index_build", indexBuild);

		// 3. Server-side turns, one caller, after warm-up.
		Sender direct = (id, message) -> {
			ChatReply reply = pipeline.handle(new com.frontdesk.conversation.TurnRequest(practices.defaultPractice(),
					com.frontdesk.conversation.Channel.WEB, id, message));
			return new Reply(reply.conversationId(), reply.intent().value());
		};
		section("Chat turn, server side: TurnPipeline.handle, 1 caller");
		int warmup = intConfig("bench.turn.warmupSeconds", 20);
		int measure = intConfig("bench.turn.measureSeconds", 30);
		run(direct, Duration.ofSeconds(warmup), null);
		RunResult turns = run(direct, Duration.ofSeconds(measure), null);
		Map<String, Object> turnResults = turns.toMap();
		results.put("turn_server_side", turnResults);
		turns.print();
		turns.printByMessage();

		// 3b. Throughput with concurrent callers (2 cores).
		List<Map<String, Object>> concurrent = new ArrayList<>();
		int concurrentSeconds = intConfig("bench.concurrent.seconds", 8);
		for (String threads : stringConfig("bench.concurrent.threads", "2,4").split(",")) {
			int n = Integer.parseInt(threads.strip());
			section("Chat turn, server side: TurnPipeline.handle, " + n + " concurrent callers");
			RunResult result = runConcurrently(direct, n, Duration.ofSeconds(concurrentSeconds));
			result.print();
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("callers", n);
			map.putAll(result.toMap());
			map.remove("by_intent");
			map.remove("by_message");
			concurrent.add(map);
		}
		results.put("turn_server_side_concurrent", concurrent);

		// 4. Full HTTP round trip over loopback, one caller.
		section("Chat turn over HTTP: POST /api/chat on loopback, 1 caller");
		Http http = new Http(port);
		run(http, Duration.ofSeconds(intConfig("bench.http.warmupSeconds", 8)), null);
		RunResult httpTurns = run(http, Duration.ofSeconds(intConfig("bench.http.measureSeconds", 15)), null);
		httpTurns.print();
		results.put("http_round_trip", httpTurns.toMap());

		// 5. Where a turn's time goes.
		results.put("stages", stages());

		// 6. Heap after the turn run.
		Map<String, Object> heapAfterTurns = new LinkedHashMap<>();
		heapAfterTurns.put("before_gc", heap(false));
		heapAfterTurns.put("after_gc", heap(true));
		results.put("heap_after_turns", heapAfterTurns);
		section("Heap after the turn runs");
		System.out.print("  before GC: ");
		printHeap(castMap(heapAfterTurns.get("before_gc")));
		System.out.print("  after GC:  ");
		printHeap(castMap(heapAfterTurns.get("after_gc")));

		// The mix, as the product classified it (printed with the per-message latencies above).
		Map<String, String> mix = new LinkedHashMap<>();
		for (String message : ChatMix.distinctMessages()) {
			mix.put(message, observedIntents.getOrDefault(message, "?"));
		}
		results.put("mix", mix);

		// Targets.
		double turnP99 = turns.latency.summary().p99();
		double indexMax = ((Latencies.Summary) indexBuild.remove("_wall")).max();
		Map<String, Object> targets = new LinkedHashMap<>();
		targets.put("turn_p99_ms", target(TURN_P99_TARGET_MS, turnP99));
		targets.put("index_build_max_ms", target(INDEX_BUILD_TARGET_MS, indexMax));
		targets.put("index_build_startup_ms", target(INDEX_BUILD_TARGET_MS, startupBuild.buildMillis()));
		results.put("targets", targets);
		section("Targets");
		System.out.printf("  turn p99 (server side, 1 caller)  %8.3f ms  < %.0f ms   %s%n", turnP99, TURN_P99_TARGET_MS,
				passFail(turnP99 < TURN_P99_TARGET_MS));
		System.out.printf("  index build, max of repeated runs %8.3f ms  < %.0f ms %s%n", indexMax,
				INDEX_BUILD_TARGET_MS, passFail(indexMax < INDEX_BUILD_TARGET_MS));
		System.out.printf("  index build at start-up (cold)    %8d ms  < %.0f ms %s%n", startupBuild.buildMillis(),
				INDEX_BUILD_TARGET_MS, passFail(startupBuild.buildMillis() < INDEX_BUILD_TARGET_MS));

		String loadAtEnd = loadAverage();
		castMap(results.get("environment")).put("load_average_at_end", loadAtEnd);
		System.out.println("\n  load average at start: " + castMap(results.get("environment")).get("load_average_at_start")
				+ ", at end: " + loadAtEnd + " (other work on the machine skews the tail)");

		Path out = Path.of("target", "benchmarks", "chat-turn.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writeValueAsString(results) + "\n");
		System.out.println("\nWritten: " + out.toAbsolutePath());

		assertThat(turns.errors).as("turns that failed").isZero();
		assertThat(httpTurns.errors).as("HTTP turns that failed").isZero();
		if (Boolean.getBoolean("bench.enforce")) {
			assertThat(turnP99).as("turn p99 ms").isLessThan(TURN_P99_TARGET_MS);
			assertThat(indexMax).as("index build ms").isLessThan(INDEX_BUILD_TARGET_MS);
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Index build

	private Map<String, Object> indexBuild(IndexStatus startup) {
		int warmup = intConfig("bench.index.warmup", 20);
		int runs = intConfig("bench.index.runs", 50);
		for (int i = 0; i < warmup; i++) {
			index.reindex();
		}
		Latencies wall = new Latencies();
		Latencies reported = new Latencies();
		IndexStatus last = null;
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			last = index.reindex();
			wall.add(System.nanoTime() - started);
			reported.add(last.buildMillis() * 1_000_000);
		}
		// Reading and splitting the files alone, for comparison.
		Latencies load = new Latencies();
		KnowledgeSnapshot snapshot = null;
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			snapshot = loader.load();
			load.add(System.nanoTime() - started);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("documents", last.documents());
		map.put("passages", last.passages());
		map.put("knowledge_bytes", knowledgeBytes());
		map.put("startup_build_millis", startup.buildMillis());
		map.put("warmup_runs", warmup);
		map.put("reindex_wall", wall.summary().toMap());
		map.put("reindex_reported_build_millis", reported.summary().toMap());
		map.put("load_and_split_only", load.summary().toMap());
		section("Index build: KnowledgeIndex.reindex() (" + warmup + " warm-up, " + runs + " measured)");
		System.out.printf("  knowledge: %d file(s), %d passages, %d bytes (%d passages re-read)%n", last.documents(),
				last.passages(), knowledgeBytes(), snapshot.passages().size());
		System.out.printf("  at start-up (cold, IndexStatus.buildMillis): %d ms%n", startup.buildMillis());
		System.out.println("  reindex() wall     " + wall.summary().line());
		System.out.println("  buildMillis field  " + reported.summary().line());
		System.out.println("  load() only        " + load.summary().line());
		map.put("_wall", wall.summary());
		return map;
	}

	private long knowledgeBytes() {
		try (var files = Files.walk(loader.directory())) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Turn runs

	record Reply(String conversationId, String intent) {
	}

	@FunctionalInterface
	interface Sender {

		Reply send(String conversationId, String message) throws Exception;

	}

	final class RunResult {

		final Latencies latency = new Latencies();

		final Map<String, Latencies> byIntent = new LinkedHashMap<>();

		final Map<String, Latencies> byMessage = new LinkedHashMap<>();

		long elapsedNanos;

		long errors;

		long cpuNanos = -1;

		long gcCount;

		long gcMillis;

		void record(String message, String intent, long nanos) {
			latency.add(nanos);
			byIntent.computeIfAbsent(intent, i -> new Latencies()).add(nanos);
			byMessage.computeIfAbsent(message, m -> new Latencies()).add(nanos);
		}

		double throughput() {
			return latency.count() / (elapsedNanos / 1e9);
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("turns", latency.count());
			map.put("errors", errors);
			map.put("seconds", Math.round(elapsedNanos / 1e6) / 1e3);
			map.put("throughput_per_s", Math.round(throughput() * 10) / 10.0);
			map.put("latency", latency.summary().toMap());
			if (cpuNanos >= 0) {
				map.put("caller_thread_cpu_per_turn_ms", Math.round(cpuNanos / 1e3 / latency.count()) / 1e3);
			}
			map.put("gc_collections", gcCount);
			map.put("gc_millis", gcMillis);
			Map<String, Object> intents = new LinkedHashMap<>();
			byIntent.forEach((intent, l) -> intents.put(intent, l.summary().toMap()));
			map.put("by_intent", intents);
			Map<String, Object> messages = new LinkedHashMap<>();
			byMessage.forEach((message, l) -> {
				Latencies.Summary summary = l.summary();
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("intent", observedIntents.getOrDefault(message, "?"));
				entry.put("p50_ms", summary.p50());
				entry.put("p99_ms", summary.p99());
				messages.put(message, entry);
			});
			map.put("by_message", messages);
			return map;
		}

		void print() {
			System.out.printf("  %d turns in %.1f s = %.0f turns/s, %d errors, GC: %d collections / %d ms%n",
					latency.count(), elapsedNanos / 1e9, throughput(), errors, gcCount, gcMillis);
			if (cpuNanos >= 0) {
				System.out.printf("  caller-thread CPU per turn: %.3f ms%n", cpuNanos / 1e6 / latency.count());
			}
			System.out.println("  all              " + latency.summary().line());
			byIntent.forEach((intent, l) -> System.out.printf("  %-16s %s%n", intent, l.summary().line()));
		}

		void printByMessage() {
			System.out.println("  by message (p50 / p99 ms):");
			byMessage.forEach((message, l) -> System.out.printf("    %7.3f / %7.3f  %-12s %s%n", l.summary().p50(),
					l.summary().p99(), observedIntents.getOrDefault(message, "?"), message));
		}

	}

	/** Replays the mix conversation by conversation until the time is up. */
	private RunResult run(Sender sender, Duration duration, RunResult into) {
		RunResult result = into != null ? into : new RunResult();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] gcBefore = gc();
		long cpuBefore = threads.getCurrentThreadCpuTime();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		while (System.nanoTime() < deadline) {
			for (List<String> conversation : ChatMix.CONVERSATIONS) {
				String id = null;
				for (String message : conversation) {
					long t0 = System.nanoTime();
					try {
						Reply reply = sender.send(id, message);
						long t1 = System.nanoTime();
						result.record(message, reply.intent(), t1 - t0);
						observedIntents.putIfAbsent(message, reply.intent());
						id = reply.conversationId();
					}
					catch (Exception ex) {
						result.errors++;
						if (result.errors <= 3) {
							System.out.println("  turn failed: " + message + ": " + ex);
						}
					}
				}
			}
		}
		result.elapsedNanos = System.nanoTime() - started;
		if (into == null) {
			result.cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
		}
		long[] gcAfter = gc();
		result.gcCount = gcAfter[0] - gcBefore[0];
		result.gcMillis = gcAfter[1] - gcBefore[1];
		return result;
	}

	private RunResult runConcurrently(Sender sender, int callers, Duration duration) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			long[] gcBefore = gc();
			long started = System.nanoTime();
			List<Future<RunResult>> futures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				futures.add(pool.submit(() -> run(sender, duration, new RunResult())));
			}
			RunResult merged = new RunResult();
			for (Future<RunResult> future : futures) {
				RunResult part = future.get();
				merged.latency.addAll(part.latency);
				part.byIntent.forEach((intent, l) -> merged.byIntent.computeIfAbsent(intent, x -> new Latencies()).addAll(l));
				merged.errors += part.errors;
			}
			merged.elapsedNanos = System.nanoTime() - started;
			long[] gcAfter = gc();
			merged.gcCount = gcAfter[0] - gcBefore[0];
			merged.gcMillis = gcAfter[1] - gcBefore[1];
			return merged;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** {@code POST /api/chat} over loopback with one keep-alive HTTP/1.1 connection. */
	static final class Http implements Sender {

		private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final URI uri;

		Http(int port) {
			this.uri = URI.create("http://127.0.0.1:" + port + "/api/chat");
		}

		@Override
		public Reply send(String conversationId, String message) throws Exception {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("conversationId", conversationId);
			body.put("message", message);
			HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
			JsonNode json = JSON.readTree(response.body());
			return new Reply(json.get("conversationId").stringValue(), json.get("intent").stringValue());
		}

	}

	// ---------------------------------------------------------------------------------------------------------
	// Per-stage breakdown

	private Map<String, Object> stages() {
		int rounds = intConfig("bench.stage.rounds", 300);
		Map<String, Latencies> stages = new LinkedHashMap<>();
		for (String stage : List.of("triage.assess", "retriever.retrieve", "answerer.answer", "store.create",
				"store.exists", "store.latestTopic", "store.append")) {
			stages.put(stage, new Latencies());
		}
		List<String> messages = ChatMix.distinctMessages();
		for (int round = 0; round < rounds; round++) {
			for (String message : messages) {
				long t0 = System.nanoTime();
				TriageResult triaged = triage.assess(message);
				long t1 = System.nanoTime();
				stages.get("triage.assess").add(t1 - t0);
				if (!triaged.clear()) {
					continue;
				}
				Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, message, "");
				long t2 = System.nanoTime();
				stages.get("retriever.retrieve").add(t2 - t1);
				if (retrieval.covered()) {
					answerer.answer(retrieval);
					stages.get("answerer.answer").add(System.nanoTime() - t2);
				}
			}
			long t0 = System.nanoTime();
			String id = store.create(com.frontdesk.practice.PracticeId.DEFAULT, "web");
			long t1 = System.nanoTime();
			store.exists(com.frontdesk.practice.PracticeId.DEFAULT, id);
			long t2 = System.nanoTime();
			store.latestTopic(id);
			long t3 = System.nanoTime();
			store.append(id, new Turn("question", "reply", Intent.ANSWER, List.of(), List.of(), "topic", Instant.now()));
			long t4 = System.nanoTime();
			stages.get("store.create").add(t1 - t0);
			stages.get("store.exists").add(t2 - t1);
			stages.get("store.latestTopic").add(t3 - t2);
			stages.get("store.append").add(t4 - t3);
		}
		section("Stages of a turn, called directly (" + rounds + " rounds of the distinct messages)");
		Map<String, Object> map = new LinkedHashMap<>();
		stages.forEach((stage, l) -> {
			System.out.printf("  %-19s %s%n", stage, l.summary().line());
			map.put(stage, l.summary().toMap());
		});
		return map;
	}

	// ---------------------------------------------------------------------------------------------------------
	// Environment, heap, GC, config

	private static Map<String, Object> environment() {
		var runtime = ManagementFactory.getRuntimeMXBean();
		Map<String, Object> env = new LinkedHashMap<>();
		env.put("java_version", Runtime.version().toString());
		env.put("java_vm", System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")");
		env.put("java_home", System.getProperty("java.home"));
		env.put("jvm_arguments", runtime.getInputArguments());
		env.put("available_processors", Runtime.getRuntime().availableProcessors());
		env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		env.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
			.toList());
		env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		env.put("cpu", cpuModel());
		env.put("load_average_at_start", loadAverage());
		section("Environment");
		env.forEach((key, value) -> System.out.printf("  %-21s %s%n", key, value));
		return env;
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static Map<String, Object> heap(boolean gcFirst) throws InterruptedException {
		if (gcFirst) {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(200);
			}
		}
		var memory = ManagementFactory.getMemoryMXBean();
		MemoryUsage heap = memory.getHeapMemoryUsage();
		MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("gc_first", gcFirst);
		map.put("heap_used_mb", mb(heap.getUsed()));
		map.put("heap_committed_mb", mb(heap.getCommitted()));
		map.put("non_heap_used_mb", mb(nonHeap.getUsed()));
		return map;
	}

	private static void printHeap(Map<String, Object> heap) {
		System.out.printf("  heap used %s MB (committed %s MB), non-heap used %s MB%n", heap.get("heap_used_mb"),
				heap.get("heap_committed_mb"), heap.get("non_heap_used_mb"));
	}

	private static double mb(long bytes) {
		return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
	}

	/** Collections and milliseconds of all of this JVM's collectors so far (also used by the LLM benchmark). */
	static long[] gc() {
		long count = 0;
		long millis = 0;
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, bean.getCollectionCount());
			millis += Math.max(0, bean.getCollectionTime());
		}
		return new long[] { count, millis };
	}

	private static Map<String, Object> target(double target, double measured) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("target_below", target);
		map.put("measured", measured);
		map.put("pass", measured < target);
		return map;
	}

	private static String passFail(boolean pass) {
		return pass ? "PASS" : "FAIL";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object map) {
		return (Map<String, Object>) map;
	}

	private int intConfig(String name, int defaultValue) {
		int value = Integer.getInteger(name, defaultValue);
		config.put(name, value);
		return value;
	}

	private String stringConfig(String name, String defaultValue) {
		String value = System.getProperty(name, defaultValue);
		config.put(name, value);
		return value;
	}

	private static void section(String title) {
		System.out.println();
		System.out.println("== " + title);
	}

}
