package com.frontdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.AdminLogin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming benchmark with a language model: the real Spring context (OpenAI-compatible provider, the product's
 * own timeouts, breaker and HTTP client) against {@link SimulatedOpenAiModel}, a simulated model on loopback that
 * takes 300 ms to its first token and then writes 30 tokens a second.
 *
 * <p>Not part of the normal test run (surefire excludes {@code *Benchmark*}). Run it with:
 *
 * <pre>./mvnw -q -B test -Dtest=LlmStreamingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Phases: warm-up; (a) {@code POST /api/chat} turns from 16 callers: the latency the service adds around the model
 * (client-measured turn time minus the simulated model's own time for the same call, tied by a reference word in the
 * answer; one JVM, one clock); (b) {@code POST /api/chat/stream} turns from 16 callers: time to the first
 * {@code token} event seen by the client, and the same added latency up to {@code done}; (c) concurrent streaming
 * conversations at rising levels up to 1,000: errors, fallbacks, peak open streams. Results are printed and written to
 * {@code target/benchmarks/llm-streaming.json}. {@code -Dbench.enforce=true} fails the run when a target is missed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.model=sim-model", AdminLogin.USERNAME_PROPERTY,
				AdminLogin.HASH_PROPERTY })
@Import(LlmBenchProbe.class)
class LlmStreamingBenchmark {

	static final double ADDED_P99_TARGET_MS = 5.0;

	static final int STREAMS_TARGET = 1_000;

	/** The simulated model; {@code bench.sim.firstTokenMs} / {@code bench.sim.tokensPerSecond} only to profile. */
	static final long FIRST_TOKEN_MS = Long.getLong("bench.sim.firstTokenMs", 300);

	static final double TOKENS_PER_SECOND = Double.parseDouble(System.getProperty("bench.sim.tokensPerSecond", "30"));

	/** How many of a phase's slowest turns are shown with what they spent their time on (1 % of 256 turns: 3). */
	private static final int SLOWEST_SHOWN = 5;

	/**
	 * The questions the callers ask in turn: the practice's patient questions (the retrieval benchmark's, each a first
	 * turn) that the pipeline answers with the model; {@link #sanityCheck} drops the others (candidacy and booking
	 * questions are answered without it). Some are decided by their keywords, some need the vector search.
	 */
	private List<String> questions = List.of();

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final JsonMapper PARSER = JsonMapper.builder().build();

	/** In a process of its own unless {@code -Dbench.sim.process=false}. */
	static final boolean MODEL_IN_OWN_PROCESS = Boolean.parseBoolean(System.getProperty("bench.sim.process", "true"));

	static final SimulatedModel MODEL;

	static {
		try {
			MODEL = MODEL_IN_OWN_PROCESS ? SimulatedModel.inOwnProcess(FIRST_TOKEN_MS, TOKENS_PER_SECOND)
					: new SimulatedOpenAiModel(FIRST_TOKEN_MS, TOKENS_PER_SECOND);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", MODEL::baseUrl);
	}

	@AfterAll
	static void stopModel() {
		MODEL.close();
	}

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	io.micrometer.core.instrument.MeterRegistry metrics;

	/**
	 * The client's threads for the warm-up and phases (a) and (b): platform threads. The client shares this JVM with
	 * the service only for convenience; on virtual threads it would also share the service's two carrier threads, and
	 * a turn's thread would wait for a carrier while the client handles another turn's events (in production the
	 * client is a browser elsewhere). The OS schedules these like another process's threads.
	 */
	private final ExecutorService platformClientThreads = Executors
		.newCachedThreadPool(Thread.ofPlatform().name("bench-client-", 1).daemon().factory());

	/** Phase (c): a thousand clients, on virtual threads (the platform threads are counted for the service). */
	private final ExecutorService virtualClientThreads = Executors.newVirtualThreadPerTaskExecutor();

	private ExecutorService clientThreads = platformClientThreads;

	private HttpClient http;

	private final Map<String, Object> config = new LinkedHashMap<>();

	private static HttpClient client(ExecutorService threads) {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
			.connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** One turn as the client saw it; nanoTime stamps (0 when it did not happen). */
	record Turn(long sent, long meta, long firstToken, long done, int tokens, String reply, String error) {

		boolean ok() {
			return error == null && done > 0;
		}

	}

	@Test
	void llmStreaming() throws Exception {
		http = client(platformClientThreads);
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("benchmark", "llm-streaming");
		results.put("run_at", Instant.now().toString());
		results.put("environment", environment());
		results.put("config", config);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("first_token_ms", FIRST_TOKEN_MS);
		model.put("tokens_per_second", TOKENS_PER_SECOND);
		model.put("tokens_per_answer", SimulatedOpenAiModel.tokens("refaaaa").size());
		model.put("first_sentence_released_by_token", SimulatedOpenAiModel.firstSentenceReleasedBy());
		model.put("own_process", MODEL_IN_OWN_PROCESS);
		results.put("simulated_model", model);

		results.put("health_llm", waitForReachable());
		sanityCheck();

		section("Warm-up");
		// The JIT compiles a method fully (C2) only after about 5,000 calls, so code that runs once per turn is still
		// profiled, not optimised, after a few thousand turns, and its compilation would run (on one of the two CPUs,
		// for up to a quarter of a second) in the middle of the measurement. At the simulated model's pace a warm-up
		// makes a few hundred turns. So first turns against a fast model (1 ms to the first token, 2,000 tokens/s),
		// the same requests, until each endpoint has answered bench.jitWarmupTurns of them, so that the service is
		// measured as a long-running instance runs. Then the model's own pace again.
		int jitTurns = intConfig("bench.jitWarmupTurns", 10_000);
		if (jitTurns > 0) {
			MODEL.speed(1, 2000);
			long jitStarted = System.nanoTime();
			long deadline = jitStarted + TimeUnit.SECONDS.toNanos(intConfig("bench.jitWarmupMaxSeconds", 420));
			int streamed = 0;
			int answered = 0;
			int failed = 0;
			while ((streamed < jitTurns || answered < jitTurns) && System.nanoTime() < deadline) {
				Phase jit = phase(16, Duration.ofSeconds(10), streamed < jitTurns, 0);
				if (streamed < jitTurns) {
					streamed += jit.turns.size();
				}
				else {
					answered += jit.turns.size();
				}
				failed += (int) (jit.errors() + jit.fallbacks());
			}
			MODEL.speed(FIRST_TOKEN_MS, TOKENS_PER_SECOND);
			System.out.printf("  JIT warm-up against a fast model: %d streamed + %d non-streamed turns in %d s (errors and fallbacks %d)%n",
					streamed, answered, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - jitStarted), failed);
			config.put("jit_warmup_turns", streamed + answered);
		}
		int warmup = intConfig("bench.warmupSeconds", 15);
		int warmCallers = intConfig("bench.warmupCallers", 32);
		runFor(warmCallers, Duration.ofSeconds(warmup), true, 0);
		runFor(warmCallers, Duration.ofSeconds(Math.max(3, warmup / 3)), false, 0);
		System.out.printf("  %d s streaming + %d s non-streaming, %d callers%n", warmup, Math.max(3, warmup / 3), warmCallers);

		List<Integer> callerLevels = java.util.Arrays.stream(stringConfig("bench.callers", "1,4,16").split(","))
			.map(String::strip).map(Integer::parseInt).toList();
		int callers = callerLevels.get(callerLevels.size() - 1);
		int seconds = intConfig("bench.measureSeconds", 30);

		boolean jfr = Boolean.parseBoolean(stringConfig("bench.jfr", "true"));
		Phase chat = null;
		Phase stream = null;
		List<Map<String, Object>> byCallers = new ArrayList<>();
		for (int level : callerLevels) {
			// Off by default: a recording of the measured phases would be part of what they measure.
			jdk.jfr.Recording callersRecording = level == callers
					&& Boolean.parseBoolean(stringConfig("bench.jfr.callers", "false")) ? startRecording() : null;
			section("(a) POST /api/chat, " + level + " callers, " + seconds + " s: latency added around the model");
			Phase chatLevel = phase(level, Duration.ofSeconds(seconds), false, 0);
			chatLevel.print(false);
			section("(b) POST /api/chat/stream, " + level + " callers, " + seconds + " s: time to first token");
			Phase streamLevel = phase(level, Duration.ofSeconds(seconds), true, 0);
			streamLevel.print(true);
			if (callersRecording != null) {
				dump(callersRecording, "llm-streaming-callers-" + level + ".jfr");
			}
			byCallers.add(byCallers(level, "/api/chat", chatLevel));
			byCallers.add(byCallers(level, "/api/chat/stream", streamLevel));
			if (level == callers) {
				chat = chatLevel;
				stream = streamLevel;
			}
		}
		results.put("a_chat_added_latency", chat.summary(false));
		results.put("b_stream_first_token", stream.summary(true));
		results.put("service_outside_model_by_callers", byCallers);
		section("Service time outside the model by callers (in-process, ms)");
		for (Map<String, Object> row : byCallers) {
			System.out.printf("  %3s callers %-17s %s%n", row.get("callers"), row.get("endpoint"), row.get("line"));
		}

		section("(c) Concurrent streaming conversations");
		http.close();
		platformClientThreads.shutdownNow();
		clientThreads = virtualClientThreads;
		http = client(virtualClientThreads);
		List<Map<String, Object>> levels = new ArrayList<>();
		int hold = intConfig("bench.concurrent.holdSeconds", 12);
		int rampMillis = intConfig("bench.concurrent.rampMillis", 1000);
		Phase atTarget = null;
		for (String level : stringConfig("bench.concurrent.levels", "100,250,500,1000").split(",")) {
			int n = Integer.parseInt(level.strip());
			System.out.printf("%n  %d conversations (ramp %d ms, hold %d s)%n", n, rampMillis, hold);
			jdk.jfr.Recording recording = jfr && n == STREAMS_TARGET ? startRecording() : null;
			Phase phase = phase(n, Duration.ofSeconds(hold), true, rampMillis);
			if (recording != null) {
				dump(recording, "llm-streaming-" + n + ".jfr");
			}
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("conversations", n);
			summary.putAll(phase.summary(true));
			levels.add(summary);
			phase.printConcurrency();
			if (n == STREAMS_TARGET) {
				atTarget = phase;
			}
			Thread.sleep(2000);
		}
		results.put("c_concurrent_streams", levels);

		// Targets.
		Map<String, Object> targets = new LinkedHashMap<>();
		double outsideP99 = chat.serviceOutsideModel.summary().p99();
		targets.put("service_outside_model_p99_ms_chat",
				target(ADDED_P99_TARGET_MS, outsideP99, outsideP99 < ADDED_P99_TARGET_MS));
		double outsideStreamP99 = stream.serviceOutsideModel.summary().p99();
		targets.put("service_outside_model_p99_ms_stream",
				target(ADDED_P99_TARGET_MS, outsideStreamP99, outsideStreamP99 < ADDED_P99_TARGET_MS));
		double addedP99 = chat.added().summary().p99();
		targets.put("added_latency_p99_ms_chat", target(ADDED_P99_TARGET_MS, addedP99, addedP99 < ADDED_P99_TARGET_MS));
		double addedStreamP99 = stream.added().summary().p99();
		targets.put("added_latency_p99_ms_stream",
				target(ADDED_P99_TARGET_MS, addedStreamP99, addedStreamP99 < ADDED_P99_TARGET_MS));
		boolean streamsPass = atTarget != null && atTarget.errors() == 0 && atTarget.fallbacks() == 0
				&& atTarget.peakOpen.get() >= STREAMS_TARGET;
		Map<String, Object> streamsTarget = new LinkedHashMap<>();
		streamsTarget.put("target", STREAMS_TARGET);
		streamsTarget.put("peak_open_streams", atTarget == null ? 0 : atTarget.peakOpen.get());
		streamsTarget.put("errors", atTarget == null ? -1 : atTarget.errors());
		streamsTarget.put("fallbacks", atTarget == null ? -1 : atTarget.fallbacks());
		streamsTarget.put("result", streamsPass ? "PASS" : "FAIL");
		targets.put("concurrent_streams", streamsTarget);
		results.put("targets", targets);
		section("Targets");
		System.out.printf("  service time outside the model p99, /api/chat         %8.3f ms  < %.0f ms  %s%n", outsideP99,
				ADDED_P99_TARGET_MS, passFail(outsideP99 < ADDED_P99_TARGET_MS));
		System.out.printf("  service time outside the model p99, /api/chat/stream  %8.3f ms  < %.0f ms  %s%n",
				outsideStreamP99, ADDED_P99_TARGET_MS, passFail(outsideStreamP99 < ADDED_P99_TARGET_MS));
		System.out.printf("  added latency p99, /api/chat          %8.3f ms  < %.0f ms  %s%n", addedP99,
				ADDED_P99_TARGET_MS, passFail(addedP99 < ADDED_P99_TARGET_MS));
		System.out.printf("  added latency p99, /api/chat/stream   %8.3f ms  < %.0f ms  %s%n", addedStreamP99,
				ADDED_P99_TARGET_MS, passFail(addedStreamP99 < ADDED_P99_TARGET_MS));
		System.out.printf("  %d concurrent streams without errors  %s (peak open %d, errors %d, fallbacks %d)%n",
				STREAMS_TARGET, passFail(streamsPass), streamsTarget.get("peak_open_streams"), streamsTarget.get("errors"),
				streamsTarget.get("fallbacks"));

		Map<String, Object> jvm = new LinkedHashMap<>();
		jvm.put("peak_platform_threads", ManagementFactory.getThreadMXBean().getPeakThreadCount());
		jvm.put("gc", gc());
		jvm.put("load_average_at_end", loadAverage());
		results.put("jvm", jvm);

		Path out = Path.of("target", "benchmarks", "llm-streaming.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writeValueAsString(results));
		System.out.println("\n  written to " + out.toAbsolutePath());
		http.close();
		virtualClientThreads.shutdownNow();
		platformClientThreads.shutdownNow();

		if (Boolean.getBoolean("bench.enforce")) {
			assertThat(outsideP99).as("service time outside the model, p99 (ms)").isLessThan(ADDED_P99_TARGET_MS);
			assertThat(streamsPass).as("1,000 concurrent streams without errors").isTrue();
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Phases

	/** Turns of one phase, and what was observed while they ran. */
	final class Phase {

		final List<Turn> turns = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger peakOpen = new AtomicInteger();

		final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

		long wallNanos;

		long cpuNanos;

		int peakModelStreams;

		/** Requests to the model the service sent a second time ({@code frontdesk.llm.retries}), by reason. */
		Map<String, Integer> modelRetries = Map.of();

		int peakPlatformThreads;

		long heapUsedAfterMb;

		/** Garbage collections during the phase (all collectors of this JVM) and their accumulated time. */
		long gcCount;

		/** CPU time the JIT compilers spent during the phase (on the same CPUs as the turns). */
		long jitMillis;

		long gcMillis;

		List<Integer> openSamples = new ArrayList<>();

		/** In-process: TurnPipeline.handle time minus the model call's window, per turn. */
		Latencies serviceOutsideModel = new Latencies();

		Latencies serviceTurn = new Latencies();

		Latencies serviceBeforeModel = new Latencies();

		Latencies serviceAfterModel = new Latencies();

		Map<String, Latencies> serviceStages = Map.of();

		List<LlmBenchProbe.SlowTurn> slowest = List.of();

		/** Share of all cores busy on the whole machine during the phase (/proc/stat), ours included. */
		double machineBusy;

		private List<Turn> matched;

		private Latencies added;

		int errors() {
			return errorKinds.values().stream().mapToInt(LongAdder::intValue).sum();
		}

		int fallbacks() {
			return (int) turns.stream().filter(Turn::ok).filter(t -> SimulatedOpenAiModel.referenceIn(t.reply()) == null).count();
		}

		List<Turn> matched() {
			if (matched == null) {
				matched = turns.stream().filter(Turn::ok).filter(t -> MODEL.call(SimulatedOpenAiModel.referenceIn(t.reply())) != null)
					.toList();
			}
			return matched;
		}

		/** Client turn time minus the simulated model's own time for the call that served it. */
		Latencies added() {
			if (added == null) {
				added = new Latencies();
				for (Turn turn : matched()) {
					SimulatedOpenAiModel.Call call = MODEL.call(SimulatedOpenAiModel.referenceIn(turn.reply()));
					added.add((turn.done() - turn.sent()) - call.durationNanos());
				}
			}
			return added;
		}

		Map<String, Object> summary(boolean streaming) {
			Latencies total = new Latencies();
			Latencies model = new Latencies();
			Latencies before = new Latencies();
			Latencies after = new Latencies();
			Latencies ttft = new Latencies();
			Latencies modelFirstToken = new Latencies();
			Latencies modelFirstSentence = new Latencies();
			Latencies ttftAdded = new Latencies();
			Latencies meta = new Latencies();
			Latencies tokenEvents = new Latencies();
			for (Turn turn : matched()) {
				SimulatedOpenAiModel.Call call = MODEL.call(SimulatedOpenAiModel.referenceIn(turn.reply()));
				total.add(turn.done() - turn.sent());
				model.add(call.durationNanos());
				before.add(call.received() - turn.sent());
				after.add(turn.done() - call.end());
				if (streaming) {
					meta.add(turn.meta() - turn.sent());
					ttft.add(turn.firstToken() - turn.sent());
					modelFirstToken.add(call.firstToken() - turn.sent());
					modelFirstSentence.add(call.firstSentence() - turn.sent());
					ttftAdded.add(turn.firstToken() - call.firstSentence());
					tokenEvents.add(turn.tokens() * 1_000_000L);
				}
			}
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("turns", turns.size());
			map.put("model_answers", matched().size());
			map.put("fallbacks", fallbacks());
			map.put("errors", errors());
			map.put("error_kinds", new TreeMap<>(Map.copyOf(errorKinds.entrySet().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())))));
			map.put("turns_per_second", Math.round(turns.size() / (wallNanos / 1e9) * 10) / 10.0);
			map.put("cpu_utilisation_of_all_cores", Math.round(cpuNanos * 1000.0 / wallNanos
					/ Runtime.getRuntime().availableProcessors()) / 1000.0);
			map.put("cpu_utilisation_machine_all_processes", Math.round(machineBusy * 1000) / 1000.0);
			map.put("peak_open_streams_client", peakOpen.get());
			map.put("peak_model_streams", peakModelStreams);
			map.put("model_retries", new TreeMap<>(modelRetries));
			map.put("peak_platform_threads", peakPlatformThreads);
			map.put("heap_used_after_mb", heapUsedAfterMb);
			map.put("gc_count", gcCount);
			map.put("jit_compile_ms", jitMillis);
			map.put("gc_ms", gcMillis);
			map.put("service_outside_model_ms", serviceOutsideModel.summary().toMap());
			map.put("service_before_model_ms", serviceBeforeModel.summary().toMap());
			map.put("service_after_model_ms", serviceAfterModel.summary().toMap());
			map.put("service_turn_ms", serviceTurn.summary().toMap());
			Map<String, Object> stageMap = new LinkedHashMap<>();
			serviceStages.forEach((stage, latencies) -> stageMap.put(stage, latencies.summary().toMap()));
			map.put("service_stages_ms", stageMap);
			map.put("slowest_turns_outside_model", slowest.stream().map(LlmBenchProbe.SlowTurn::describe).toList());
			map.put("added_latency_ms", added().summary().toMap());
			map.put("added_before_model_ms", before.summary().toMap());
			map.put("added_after_model_ms", after.summary().toMap());
			map.put("turn_total_ms", total.summary().toMap());
			map.put("model_own_time_ms", model.summary().toMap());
			if (streaming) {
				map.put("meta_event_ms", meta.summary().toMap());
				map.put("first_token_client_ms", ttft.summary().toMap());
				map.put("model_first_token_ms", modelFirstToken.summary().toMap());
				map.put("model_first_sentence_complete_ms", modelFirstSentence.summary().toMap());
				map.put("first_token_added_ms", ttftAdded.summary().toMap());
				map.put("token_events_per_turn", tokenEvents.summary().toMap());
			}
			return map;
		}

		void print(boolean streaming) {
			Map<String, Object> s = summary(streaming);
			System.out.printf("  turns %s, model answers %s, fallbacks %s, errors %s %s, %.1f turns/s, CPU %.0f %% (machine %.0f %%), GC %d / %d ms, JIT %d ms%n",
					s.get("turns"), s.get("model_answers"), s.get("fallbacks"), s.get("errors"), s.get("error_kinds"),
					s.get("turns_per_second"), 100 * (double) s.get("cpu_utilisation_of_all_cores"), 100 * machineBusy,
					gcCount, gcMillis, jitMillis);
			line("SERVICE OUTSIDE MODEL", serviceOutsideModel.summary());
			line("  of it before the call", serviceBeforeModel.summary());
			line("  of it after the call", serviceAfterModel.summary());
			serviceStages.forEach((stage, latencies) -> line("    " + stage, latencies.summary()));
			if (!slowest.isEmpty()) {
				System.out.println("  slowest turns outside the model (ms; stages of at least 0.2 ms):");
				slowest.forEach(turn -> System.out.println("    " + turn.describe()));
			}
			line("service turn (in-process)", serviceTurn.summary());
			line("added around the model", added().summary());
			line("  of it before the model", latencies(turn -> MODEL.call(ref(turn)).received() - turn.sent()));
			line("  of it after the model", latencies(turn -> turn.done() - MODEL.call(ref(turn)).end()));
			System.out.println("  the same turns, hop by hop (client, service and model clocks are one):");
			line("  client -> turn starts", hop(turn -> marks(turn)[LlmBenchProbe.STARTED] - turn.sent()));
			line("  turn -> model called", hop(turn -> marks(turn)[LlmBenchProbe.CALLED] - marks(turn)[LlmBenchProbe.STARTED]));
			line("  called -> model has it", hop(turn -> MODEL.call(ref(turn)).received() - marks(turn)[LlmBenchProbe.CALLED]));
			line("  model done -> heard", hop(turn -> marks(turn)[LlmBenchProbe.FINISHED] - MODEL.call(ref(turn)).end()));
			line("  heard -> turn ends", hop(turn -> marks(turn)[LlmBenchProbe.ENDED] - marks(turn)[LlmBenchProbe.FINISHED]));
			line("  turn ends -> client", hop(turn -> turn.done() - marks(turn)[LlmBenchProbe.ENDED]));
			line("turn total (client)", latencies(turn -> turn.done() - turn.sent()));
			line("model's own time", latencies(turn -> MODEL.call(ref(turn)).durationNanos()));
			if (streaming) {
				line("meta event (client)", latencies(turn -> turn.meta() - turn.sent()));
				line("model first token", latencies(turn -> MODEL.call(ref(turn)).firstToken() - turn.sent()));
				line("model 1st sentence done", latencies(turn -> MODEL.call(ref(turn)).firstSentence() - turn.sent()));
				line("FIRST TOKEN (client)", latencies(turn -> turn.firstToken() - turn.sent()));
				line("first token added", latencies(turn -> turn.firstToken() - MODEL.call(ref(turn)).firstSentence()));
			}
		}

		void printConcurrency() {
			Map<String, Object> s = summary(true);
			System.out.printf("    turns %s, model answers %s, fallbacks %s, errors %s %s, requests resent to the model %s%n",
					s.get("turns"), s.get("model_answers"), s.get("fallbacks"), s.get("errors"), s.get("error_kinds"),
					s.get("model_retries"));
			System.out.printf("    peak open streams: client %d, model %d; platform threads %d; CPU %.0f %% (machine %.0f %%); heap after %d MB%n",
					peakOpen.get(), peakModelStreams, peakPlatformThreads,
					100 * (double) s.get("cpu_utilisation_of_all_cores"), 100 * machineBusy, heapUsedAfterMb);
			line("  SERVICE OUTSIDE MODEL", serviceOutsideModel.summary());
			line("  FIRST TOKEN (client)", latencies(turn -> turn.firstToken() - turn.sent()));
			line("  first token added", latencies(turn -> turn.firstToken() - MODEL.call(ref(turn)).firstSentence()));
			line("  added around the model", added().summary());
			line("  turn total (client)", latencies(turn -> turn.done() - turn.sent()));
		}

		/** Over the matched turns whose service marks were recorded (the phase's measured turns). */
		private Latencies.Summary hop(java.util.function.ToLongFunction<Turn> f) {
			Latencies l = new Latencies();
			matched().stream().filter(turn -> marks(turn) != null && marks(turn)[LlmBenchProbe.ENDED] != 0)
				.forEach(turn -> l.add(f.applyAsLong(turn)));
			return l.summary();
		}

		private Latencies.Summary latencies(java.util.function.ToLongFunction<Turn> f) {
			Latencies l = new Latencies();
			matched().forEach(turn -> l.add(f.applyAsLong(turn)));
			return l.summary();
		}

	}

	private static long[] marks(Turn turn) {
		return LlmBenchProbe.marks(ref(turn));
	}

	private static String ref(Turn turn) {
		return SimulatedOpenAiModel.referenceIn(turn.reply());
	}

	private static void line(String label, Latencies.Summary summary) {
		System.out.printf("  %-26s %s%n", label, summary.line());
	}

	private Phase phase(int callers, Duration hold, boolean streaming, int rampMillis) throws Exception {
		Phase phase = new Phase();
		var threads = ManagementFactory.getThreadMXBean();
		threads.resetPeakThreadCount();
		MODEL.peakActiveAndReset();
		long cpuBefore = processCpuNanos();
		long[] gcBefore = ChatTurnBenchmark.gc();
		long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
		Map<String, Integer> retriesBefore = modelRetries();
		long[] machineBefore = machineJiffies();
		LlmBenchProbe.reset();
		LlmBenchProbe.recording = true;
		long started = System.nanoTime();
		long end = started + hold.toNanos();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			long startAt = started + (rampMillis == 0 ? 0 : TimeUnit.MILLISECONDS.toNanos((long) rampMillis * i / callers));
			int caller = i;
			futures.add(clientThreads.submit(() -> {
				sleepUntil(startAt);
				int n = caller;
				while (System.nanoTime() < end) {
					String question = questions.get(n++ % questions.size());
					Turn turn = streaming ? streamTurn(question, phase) : chatTurn(question, phase);
					phase.turns.add(turn);
				}
				return null;
			}));
		}
		while (!futures.stream().allMatch(Future::isDone)) {
			phase.openSamples.add(phase.open.get());
			Thread.sleep(100);
		}
		for (Future<?> future : futures) {
			future.get();
		}
		phase.wallNanos = System.nanoTime() - started;
		phase.cpuNanos = processCpuNanos() - cpuBefore;
		long[] gcAfter = ChatTurnBenchmark.gc();
		phase.gcCount = gcAfter[0] - gcBefore[0];
		phase.jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
		phase.gcMillis = gcAfter[1] - gcBefore[1];
		LlmBenchProbe.recording = false;
		phase.serviceOutsideModel = LlmBenchProbe.outsideModel();
		phase.serviceTurn = LlmBenchProbe.turn();
		phase.serviceBeforeModel = LlmBenchProbe.beforeModel();
		phase.serviceAfterModel = LlmBenchProbe.afterModel();
		phase.serviceStages = LlmBenchProbe.stages();
		phase.slowest = LlmBenchProbe.slowest(SLOWEST_SHOWN);
		long[] machineAfter = machineJiffies();
		long totalJiffies = machineAfter[1] - machineBefore[1];
		phase.machineBusy = totalJiffies <= 0 ? 0 : (double) (machineAfter[0] - machineBefore[0]) / totalJiffies;
		phase.peakModelStreams = MODEL.peakActiveAndReset();
		Map<String, Integer> retriesAfter = modelRetries();
		Map<String, Integer> retried = new TreeMap<>();
		retriesAfter.forEach((reason, count) -> {
			int during = count - retriesBefore.getOrDefault(reason, 0);
			if (during > 0) {
				retried.put(reason, during);
			}
		});
		phase.modelRetries = retried;
		phase.peakPlatformThreads = threads.getPeakThreadCount();
		phase.heapUsedAfterMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
		Thread.sleep(200);
		return phase;
	}

	/** One row of the service time outside the model at one caller count. */
	private static Map<String, Object> byCallers(int callers, String endpoint, Phase phase) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("callers", callers);
		row.put("endpoint", endpoint);
		row.put("turns", phase.turns.size());
		row.put("errors", phase.errors());
		row.put("fallbacks", phase.fallbacks());
		row.put("service_outside_model_ms", phase.serviceOutsideModel.summary().toMap());
		row.put("cpu_utilisation_of_all_cores", Math.round(phase.cpuNanos * 1000.0 / phase.wallNanos
				/ Runtime.getRuntime().availableProcessors()) / 1000.0);
		row.put("cpu_utilisation_machine_all_processes", Math.round(phase.machineBusy * 1000) / 1000.0);
		row.put("gc_pauses", phase.gcCount);
		row.put("gc_pause_ms", phase.gcMillis);
		row.put("jit_compile_ms", phase.jitMillis);
		row.put("line", phase.serviceOutsideModel.summary().line() + String.format(
				"  | CPU %.0f %% (machine %.0f %%), GC %d pauses %d ms, JIT %d ms", 100.0 * phase.cpuNanos / phase.wallNanos
						/ Runtime.getRuntime().availableProcessors(), 100 * phase.machineBusy, phase.gcCount, phase.gcMillis,
				phase.jitMillis));
		return row;
	}

	/** JFR's "profile" settings with Java execution sampled every 10 ms (the default 20 ms sees little of a turn). */
	private static jdk.jfr.Recording startRecording() throws Exception {
		jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
		recording.start();
		return recording;
	}

	private static void dump(jdk.jfr.Recording recording, String name) throws IOException {
		Path jfr = Path.of("target", "benchmarks", name);
		Files.createDirectories(jfr.getParent());
		recording.dump(jfr);
		recording.close();
		System.out.println("    JFR recording: " + jfr.toAbsolutePath());
	}

	private Map<String, Integer> modelRetries() {
		Map<String, Integer> retries = new TreeMap<>();
		metrics.find("frontdesk.llm.retries").counters()
			.forEach(counter -> retries.merge(counter.getId().getTag("reason"), (int) counter.count(), Integer::sum));
		return retries;
	}

	private void runFor(int callers, Duration duration, boolean streaming, int rampMillis) throws Exception {
		phase(callers, duration, streaming, rampMillis);
	}

	private HttpRequest request(String path, String message) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(PARSER.writeValueAsString(Map.of("message", message))))
			.build();
	}

	private Turn chatTurn(String message, Phase phase) {
		long sent = System.nanoTime();
		phase.peakOpen.accumulateAndGet(phase.open.incrementAndGet(), Math::max);
		try {
			HttpResponse<String> response = http.send(request("/api/chat", message), HttpResponse.BodyHandlers.ofString());
			long done = System.nanoTime();
			if (response.statusCode() != 200) {
				return error(phase, sent, "http " + response.statusCode());
			}
			String reply = PARSER.readTree(response.body()).get("reply").stringValue();
			return new Turn(sent, 0, 0, done, 0, reply, null);
		}
		catch (Exception ex) {
			return error(phase, sent, ex.getClass().getSimpleName());
		}
		finally {
			phase.open.decrementAndGet();
		}
	}

	private Turn streamTurn(String message, Phase phase) {
		long sent = System.nanoTime();
		phase.peakOpen.accumulateAndGet(phase.open.incrementAndGet(), Math::max);
		long meta = 0;
		long firstToken = 0;
		long done = 0;
		String reply = null;
		int tokens = 0;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/stream"))
				.header("Content-Type", "application/json").header("Accept", "text/event-stream")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(PARSER.writeValueAsString(Map.of("message", message))))
				.build();
			HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				response.body().close();
				return error(phase, sent, "http " + response.statusCode());
			}
			String name = null;
			StringBuilder data = new StringBuilder();
			try (Stream<String> lines = response.body()) {
				for (String line : (Iterable<String>) lines::iterator) {
					if (line.startsWith("event:")) {
						name = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring(5));
					}
					else if (line.isEmpty() && name != null) {
						long at = System.nanoTime();
						switch (name) {
							case "meta" -> meta = at;
							case "token" -> {
								tokens++;
								if (firstToken == 0) {
									firstToken = at;
								}
							}
							case "done" -> {
								done = at;
								reply = PARSER.readTree(data.toString()).get("reply").stringValue();
							}
							case "error" -> {
								return error(phase, sent, "error event");
							}
							default -> {
							}
						}
						name = null;
						data.setLength(0);
					}
				}
			}
			// Read to the end of the response (it ends right after done) so that the connection is reused, as a
			// browser's would be: a connection closed early costs the service a new one on every turn.
			if (done != 0) {
				return new Turn(sent, meta, firstToken, done, tokens, reply, null);
			}
			return error(phase, sent, "stream ended without done");
		}
		catch (Exception ex) {
			return error(phase, sent, ex.getClass().getSimpleName());
		}
		finally {
			phase.open.decrementAndGet();
		}
	}

	private static Turn error(Phase phase, long sent, String kind) {
		phase.errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
		return new Turn(sent, 0, 0, 0, 0, "", kind);
	}

	// ---------------------------------------------------------------------------------------------------------
	// Checks before measuring

	private Map<String, Object> waitForReachable() throws Exception {
		JsonNode llm = null;
		for (int i = 0; i < 100; i++) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + port + "/actuator/health")).header("Authorization", AdminLogin.header()).build(),
					HttpResponse.BodyHandlers.ofString());
			llm = PARSER.readTree(response.body()).path("components").path("llm");
			if ("reachable".equals(llm.path("details").path("state").asString(""))) {
				break;
			}
			Thread.sleep(100);
		}
		section("Health (llm)");
		System.out.println("  " + llm);
		assertThat(llm.path("details").path("state").asString("")).isEqualTo("reachable");
		return PARSER.convertValue(llm, Map.class);
	}

	/** Picks the questions the model answers and checks that their answers come from it, streamed too. */
	private void sanityCheck() {
		Phase phase = new Phase();
		List<String> answeredByTheModel = new ArrayList<>();
		for (String[] patientQuestion : RetrievalBenchmark.PATIENT_QUESTIONS) {
			String question = patientQuestion[0];
			Turn chat = chatTurn(question, phase);
			assertThat(chat.ok()).as("turn for " + question).isTrue();
			if (SimulatedOpenAiModel.referenceIn(chat.reply()) == null) {
				continue;
			}
			Turn stream = streamTurn(question, phase);
			assertThat(SimulatedOpenAiModel.referenceIn(stream.reply())).as("streamed answer to " + question).isNotNull();
			assertThat(stream.tokens()).isGreaterThanOrEqualTo(4);
			answeredByTheModel.add(question);
		}
		assertThat(answeredByTheModel).hasSizeGreaterThan(RetrievalBenchmark.PATIENT_QUESTIONS.size() / 2);
		questions = List.copyOf(answeredByTheModel);
		config.put("questions", questions);
		System.out.printf("  %d of the %d patient questions are answered by the model and asked in turn%n", questions.size(),
				RetrievalBenchmark.PATIENT_QUESTIONS.size());
	}

	// ---------------------------------------------------------------------------------------------------------
	// Environment and helpers

	private static Map<String, Object> environment() {
		var runtime = ManagementFactory.getRuntimeMXBean();
		Map<String, Object> env = new LinkedHashMap<>();
		env.put("java_version", Runtime.version().toString());
		env.put("java_vm", System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")");
		env.put("java_home", System.getProperty("java.home"));
		env.put("jvm_arguments", runtime.getInputArguments());
		env.put("available_processors", Runtime.getRuntime().availableProcessors());
		env.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		env.put("cpu", cpuModel());
		env.put("open_files_limit", openFilesLimit());
		env.put("load_average_at_start", loadAverage());
		section("Environment");
		env.forEach((key, value) -> System.out.printf("  %-21s %s%n", key, value));
		return env;
	}

	private static Map<String, Object> gc() {
		Map<String, Object> gc = new LinkedHashMap<>();
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			gc.put(bean.getName(), Map.of("count", bean.getCollectionCount(), "time_ms", bean.getCollectionTime()));
		}
		return gc;
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** Busy and total jiffies of all CPUs (/proc/stat); busy excludes idle and iowait. */
	private static long[] machineJiffies() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(f.length, 9); i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
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

	private static String openFilesLimit() {
		try {
			return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith("Max open files"))
				.map(l -> l.replaceAll("\\s+", " ").strip()).findFirst().orElse("unknown");
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

	private static void sleepUntil(long deadline) throws InterruptedException {
		long left = deadline - System.nanoTime();
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
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

	private static Map<String, Object> target(double target, double measured, boolean pass) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("target_ms", target);
		map.put("measured_ms", measured);
		map.put("result", pass ? "PASS" : "FAIL");
		return map;
	}

	private static String passFail(boolean pass) {
		return pass ? "PASS" : "FAIL";
	}

	private static void section(String title) {
		System.out.println("\n== " + title);
	}

}
