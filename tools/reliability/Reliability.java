import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Frontdesk's reliability harness (issue 8): runs the packaged app as a separate process on loopback and drives it at
 * a fixed rate, with fakes for everything outside (an OpenAI-compatible model, the Telegram Bot API, the practice's
 * webhook), then checks that nothing accepted was lost.
 *
 * <p>Phases: {@code sustained} — the embedded default at a fixed rate for N minutes, sampling heap and RSS;
 * {@code faults} — load while the model becomes slow, then down, then back, while PostgreSQL is restarted (when
 * {@code --pg-ctl} and {@code --pg-data} are given), and while the app is killed with -9 and restarted. Run with
 * {@code tools/reliability/run.sh}; the report goes to {@code target/reliability/report.md}. JDK 21+, no dependencies.
 */
public class Reliability {

	static final List<String> QUESTIONS = List.of("what are pedicle screws?", "What is minimally invasive lateral fusion?",
			"how do they remove the disc", "Does lateral fusion leave a big scar?", "how long does the surgery take",
			"What conditions does lateral fusion treat?", "what are the risks", "do you take my insurance?", "hello",
			"I want to book a consultation", "Can I talk to a real person?", "what is the recovery like",
			"my back pain goes down my legs", "Can lateral fusion treat scoliosis?", "is it safe?");

	static final String SECRET_TOKEN = "reliability-secret-token";

	static final String BOT_TOKEN = "424242:RELIABILITY";

	static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Files.createDirectories(options.out);
		Fakes fakes = new Fakes();
		StringBuilder report = new StringBuilder();
		report.append("# Reliability run ").append(Instant.now()).append("\n\n");
		report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
			.append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
			.append(", load generator JDK ").append(Runtime.version()).append("\n\n");
		try {
			if (options.phases.contains("sustained")) {
				report.append(sustained(options, fakes));
			}
			if (options.phases.contains("faults")) {
				report.append(faults(options, fakes));
			}
		}
		finally {
			fakes.close();
		}
		Files.writeString(options.out.resolve("report.md"), report);
		System.out.println(report);
	}

	// ---------------------------------------------------------------- phases

	static String sustained(Options options, Fakes fakes) throws Exception {
		Map<String, String> env = baseEnv(options, fakes);
		App app = App.start(options, "sustained", env);
		try {
			app.awaitReady(Duration.ofMinutes(3));
			warmUp(app, fakes);
			Load load = new Load(options, app::port, fakes, false);
			Sampler sampler = new Sampler(app, options.out.resolve("sustained-samples.csv"));
			sampler.start();
			load.runFor(Duration.ofMinutes(options.minutes));
			sampler.stop();
			fakes.telegram.awaitAll(load.acceptedChats(), Duration.ofSeconds(60));
			fakes.practice.awaitAll(load.acceptedCallbacks(), Duration.ofSeconds(60));
			return "## Sustained load: embedded default, " + options.rate + " requests/s for " + options.minutes
					+ " min\n\n" + load.summary(fakes) + sampler.summary() + "\n";
		}
		finally {
			app.stop();
		}
	}

	static String faults(Options options, Fakes fakes) throws Exception {
		Map<String, String> env = baseEnv(options, fakes);
		env.put("FRONTDESK_LLM_PROVIDER", "openai");
		env.put("FRONTDESK_LLM_BASE_URL", fakes.baseUrl() + "/v1");
		env.put("FRONTDESK_LLM_API_KEY", "reliability");
		env.put("FRONTDESK_LLM_MODEL", "sim-model");
		env.put("FRONTDESK_LLM_FIRST_TOKEN_TIMEOUT", "2s");
		env.put("FRONTDESK_LLM_TIMEOUT", "8s");
		env.put("FRONTDESK_LLM_BREAKER_OPEN_FOR", "10s");
		boolean postgres = options.pgCtl != null;
		if (postgres) {
			env.put("SPRING_DATASOURCE_URL", options.pgUrl);
			env.put("SPRING_DATASOURCE_USERNAME", options.pgUser);
			env.put("SPRING_DATASOURCE_PASSWORD", options.pgPassword);
		}
		AtomicReference<App> app = new AtomicReference<>(App.start(options, "faults", env));
		List<String> timeline = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		Supplier<String> at = () -> String.format(Locale.ROOT, "%5.1f s", (System.nanoTime() - started) / 1e9);
		Load load;
		try {
			app.get().awaitReady(Duration.ofMinutes(3));
			warmUp(app.get(), fakes);
			load = new Load(options, () -> app.get().port(), fakes, true);
			load.start();
			int step = options.faultStepSeconds;
			pause(step);
			fakes.model.mode = ModelMode.SLOW;
			timeline.add(at.get() + ": model slow (first token after 5 s; the service waits 2 s)");
			pause(step);
			fakes.model.mode = ModelMode.DOWN;
			timeline.add(at.get() + ": model down (503 and dropped connections)");
			pause(step);
			fakes.model.mode = ModelMode.NORMAL;
			timeline.add(at.get() + ": model back; the practice's webhook down (503)");
			fakes.practice.down = true;
			pause(step);
			fakes.practice.down = false;
			timeline.add(at.get() + ": the practice's webhook back");
			if (postgres) {
				timeline.add(at.get() + ": PostgreSQL restart begins (pg_ctl restart -m fast)");
				run(options.out.resolve("pg_ctl.log"), options.pgCtl, "-D", options.pgData, "-l",
						options.pgData + "/server.log", "-m", "fast", "-w", "restart");
				timeline.add(at.get() + ": PostgreSQL back");
				pause(step);
			}
			timeline.add(at.get() + ": app killed with SIGKILL (kill -9)");
			app.get().kill9();
			App restarted = App.start(options, "faults-restarted", env, app.get().port());
			app.set(restarted);
			restarted.awaitReady(Duration.ofMinutes(3));
			timeline.add(at.get() + ": app restarted and ready");
			pause(step);
			load.stop();
			timeline.add(at.get() + ": load stopped; waiting for every accepted message to be answered");
			fakes.telegram.awaitAll(load.acceptedChats(), Duration.ofSeconds(90));
			fakes.practice.awaitAll(load.acceptedCallbacks(), Duration.ofSeconds(90));
			timeline.add(at.get() + ": check done");
		}
		finally {
			app.get().stop();
		}
		StringBuilder out = new StringBuilder("## Faults during load" + (postgres ? " (PostgreSQL)" : " (embedded H2)")
				+ ", " + options.rate + " requests/s\n\n");
		out.append("Timeline:\n\n");
		timeline.forEach(line -> out.append("- ").append(line).append('\n'));
		out.append('\n').append(load.summary(fakes)).append('\n');
		return out.toString();
	}

	static Map<String, String> baseEnv(Options options, Fakes fakes) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("FRONTDESK_CHANNELS_TELEGRAM_ENABLED", "true");
		env.put("FRONTDESK_CHANNELS_TELEGRAM_BOT_TOKEN", BOT_TOKEN);
		env.put("FRONTDESK_CHANNELS_TELEGRAM_SECRET_TOKEN", SECRET_TOKEN);
		env.put("FRONTDESK_CHANNELS_TELEGRAM_API_BASE_URL", fakes.baseUrl());
		env.put("FRONTDESK_KNOWLEDGE_WATCH", "false");
		env.put("FRONTDESK_LIMITS_TRUSTED_PROXIES", "127.0.0.1");
		env.put("FRONTDESK_NOTIFICATIONS_WEBHOOK_URL", fakes.baseUrl() + "/practice");
		env.put("FRONTDESK_NOTIFICATIONS_WEBHOOK_SECRET", "reliability-webhook-secret");
		env.put("FRONTDESK_NOTIFICATIONS_MAX_BACKOFF", "10s");
		env.putAll(options.env);
		return env;
	}

	static void warmUp(App app, Fakes fakes) throws Exception {
		for (int i = 0; i < 200; i++) {
			post(app.port(), "/api/chat", chatBody(null, QUESTIONS.get(i % QUESTIONS.size())));
		}
	}

	// ---------------------------------------------------------------- load

	enum Kind {

		CHAT, FOLLOW_UP, STREAM, TELEGRAM, CALLBACK

	}

	record Result(Kind kind, long startNanos, long nanos, int status, String outcome) {
	}

	static final class Load {

		private final Options options;

		private final Supplier<Integer> port;

		private final boolean modelExpected;

		private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();

		private final Set<Long> acceptedChats = ConcurrentHashMap.newKeySet();

		private final Set<Long> refusedChats = ConcurrentHashMap.newKeySet();

		private final List<String> conversations = Collections.synchronizedList(new ArrayList<>());

		private final Set<String> acceptedCallbacks = ConcurrentHashMap.newKeySet();

		private volatile String consentVersion;

		private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

		private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

		private volatile boolean running;

		private Thread ticker;

		private long startedNanos;

		private long stoppedNanos;

		Load(Options options, Supplier<Integer> port, Fakes fakes, boolean modelExpected) {
			this.options = options;
			this.port = port;
			this.modelExpected = modelExpected;
		}

		void runFor(Duration duration) throws InterruptedException {
			start();
			Thread.sleep(duration);
			stop();
		}

		void start() {
			running = true;
			startedNanos = System.nanoTime();
			long interval = 1_000_000_000L / options.rate;
			ticker = Thread.ofPlatform().name("load-ticker").start(() -> {
				long next = System.nanoTime();
				long n = 0;
				while (running) {
					long sequence = n++;
					workers.execute(() -> one(sequence));
					next += interval;
					long wait = next - System.nanoTime();
					if (wait > 0) {
						try {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
			});
		}

		void stop() throws InterruptedException {
			running = false;
			ticker.join();
			workers.shutdown();
			workers.awaitTermination(2, TimeUnit.MINUTES);
			stoppedNanos = System.nanoTime();
		}

		Set<Long> acceptedChats() {
			return acceptedChats;
		}

		private void one(long sequence) {
			int dice = (int) (sequence % 20);
			Kind kind = dice < 9 ? Kind.CHAT : dice < 11 ? Kind.FOLLOW_UP : dice < 17 ? Kind.STREAM
					: dice < 19 ? Kind.TELEGRAM : Kind.CALLBACK;
			if (kind == Kind.FOLLOW_UP && conversations.isEmpty()) {
				kind = Kind.CHAT;
			}
			String question = QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()));
			long start = System.nanoTime();
			try {
				Result result = switch (kind) {
					case CHAT -> chat(null, question, start);
					case FOLLOW_UP -> chat(conversations.get(ThreadLocalRandom.current().nextInt(conversations.size())),
							"does it leave a scar?", start);
					case STREAM -> stream(question, start);
					case TELEGRAM -> telegram(question, start);
					case CALLBACK -> callback(sequence, start);
				};
				results.add(result);
			}
			catch (IOException ex) {
				results.add(new Result(kind, start, System.nanoTime() - start, 0, "connection: " + ex.getClass().getSimpleName()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private Result chat(String conversationId, String question, long start) throws IOException, InterruptedException {
			HttpResponse<String> response = post(port.get(), "/api/chat", chatBody(conversationId, question));
			long nanos = System.nanoTime() - start;
			if (response.statusCode() != 200) {
				return new Result(conversationId == null ? Kind.CHAT : Kind.FOLLOW_UP, start, nanos, response.statusCode(),
						"status " + response.statusCode());
			}
			String body = response.body();
			Matcher id = Pattern.compile("\"conversationId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
			if (id.find() && conversations.size() < 500) {
				conversations.add(id.group(1));
			}
			return new Result(conversationId == null ? Kind.CHAT : Kind.FOLLOW_UP, start, nanos, 200, answerOutcome(body));
		}

		private Result stream(String question, long start) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/api/chat/stream"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", patientAddress())
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(chatBody(null, question)))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - start;
			String body = response.body().replace("event: ", "event:");
			if (response.statusCode() != 200) {
				return new Result(Kind.STREAM, start, nanos, response.statusCode(), "status " + response.statusCode());
			}
			if (body.contains("event:error")) {
				return new Result(Kind.STREAM, start, nanos, 200, "error event");
			}
			int done = body.indexOf("event:done");
			if (done < 0) {
				return new Result(Kind.STREAM, start, nanos, 200, "no done event");
			}
			return new Result(Kind.STREAM, start, nanos, 200, answerOutcome(body.substring(done)));
		}

		private Result telegram(String question, long start) throws IOException, InterruptedException {
			long chat = ids.incrementAndGet();
			String update = "{\"update_id\":" + chat + ",\"message\":{\"message_id\":" + chat + ",\"from\":{\"id\":" + chat
					+ ",\"is_bot\":false,\"first_name\":\"Load\"},\"chat\":{\"id\":" + chat
					+ ",\"type\":\"private\",\"first_name\":\"Load\"},\"date\":" + Instant.now().getEpochSecond()
					+ ",\"text\":" + json(question) + "}}";
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/webhooks/telegram"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("X-Telegram-Bot-Api-Secret-Token", SECRET_TOKEN)
				.POST(HttpRequest.BodyPublishers.ofString(update))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - start;
			if (response.statusCode() == 200) {
				acceptedChats.add(chat);
				return new Result(Kind.TELEGRAM, start, nanos, 200, "accepted");
			}
			refusedChats.add(chat);
			return new Result(Kind.TELEGRAM, start, nanos, response.statusCode(), "status " + response.statusCode());
		}

		/** A callback request from a patient with a unique name, so the practice's webhook can be checked for it. */
		private Result callback(long sequence, long start) throws IOException, InterruptedException {
			if (consentVersion == null) {
				HttpResponse<String> form = HTTP.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/api/callbacks/form"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher version = Pattern.compile("\"consentVersion\"\\s*:\\s*\"([^\"]+)\"").matcher(form.body());
				if (form.statusCode() != 200 || !version.find()) {
					return new Result(Kind.CALLBACK, start, System.nanoTime() - start, form.statusCode(), "no form");
				}
				consentVersion = version.group(1);
			}
			String name = "Pat " + letters(sequence + runId);
			// a phone number of its own too: the same number again within the merge window is the same request
			String phone = String.format("+1 202 %03d %04d", 200 + sequence / 10_000 % 800, sequence % 10_000);
			String body = "{\"name\":" + json(name) + ",\"phone\":\"" + phone
					+ "\",\"preferredTime\":\"morning\",\"consent\":true,\"consentVersion\":" + json(consentVersion) + "}";
			HttpResponse<String> response = post(port.get(), "/api/callbacks", body);
			long nanos = System.nanoTime() - start;
			if (response.statusCode() == 201 || response.statusCode() == 200) {
				acceptedCallbacks.add(name);
				return new Result(Kind.CALLBACK, start, nanos, 200, "accepted");
			}
			return new Result(Kind.CALLBACK, start, nanos, response.statusCode(), "status " + response.statusCode());
		}

		private final long runId = System.currentTimeMillis() % 100_000 * 100_000;

		Set<String> acceptedCallbacks() {
			return acceptedCallbacks;
		}

		private String answerOutcome(String body) {
			if (!modelExpected) {
				return "answered";
			}
			return body.contains(Model.MARKER) ? "model" : "answered";
		}

		String summary(Fakes fakes) {
			List<Result> all = new ArrayList<>(results);
			double seconds = (stoppedNanos - startedNanos) / 1e9;
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%,d requests in %.0f s: %.1f requests/s%n%n", all.size(), seconds,
					all.size() / seconds));
			out.append("| kind | requests | ok | errors | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
			for (Kind kind : Kind.values()) {
				List<Result> of = all.stream().filter(r -> r.kind() == kind).toList();
				if (of.isEmpty()) {
					continue;
				}
				long ok = of.stream().filter(r -> r.status() == 200 && !r.outcome().contains("event")).count();
				long[] sorted = of.stream().mapToLong(Result::nanos).sorted().toArray();
				out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %.1f | %.1f |%n",
						kind.name().toLowerCase(Locale.ROOT), of.size(), ok, of.size() - ok, pct(sorted, 0.50),
						pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
			}
			Map<String, Long> failures = new java.util.TreeMap<>();
			all.stream()
				.filter(r -> r.status() != 200 || r.outcome().contains("event"))
				.forEach(r -> failures.merge(r.kind().name().toLowerCase(Locale.ROOT) + ": " + r.outcome(), 1L, Long::sum));
			out.append("\nNot answered (with why): ").append(failures.isEmpty() ? "none" : failures.toString()).append("\n");
			if (modelExpected) {
				long model = all.stream().filter(r -> r.outcome().equals("model")).count();
				long fallback = all.stream().filter(r -> r.outcome().equals("answered")).count();
				out.append(String.format(Locale.ROOT,
						"Answers written by the model: %,d; answered without it (embedded answer, intents that need no model, fallbacks): %,d%n",
						model, fallback));
				out.append(fallbackTimeline(all));
			}
			Set<String> undelivered = new java.util.TreeSet<>(acceptedCallbacks);
			undelivered.removeIf(fakes.practice::received);
			out.append(String.format(Locale.ROOT,
					"%nCallback requests: %,d accepted (201/200); accepted but never delivered to the practice's webhook: **%,d**%n",
					acceptedCallbacks.size(), undelivered.size()));
			Set<Long> missing = new java.util.TreeSet<>(acceptedChats);
			missing.removeAll(fakes.telegram.answeredChats());
			out.append(String.format(Locale.ROOT,
					"%nTelegram: %,d updates accepted (200), %,d refused or not acknowledged (the platform redelivers those); "
							+ "accepted but never answered: **%,d**%n",
					acceptedChats.size(), refusedChats.size(), missing.size()));
			return out.toString();
		}

		private String fallbackTimeline(List<Result> all) {
			Map<Long, long[]> perTenSeconds = new java.util.TreeMap<>();
			for (Result r : all) {
				if (r.kind() == Kind.TELEGRAM) {
					continue;
				}
				long bucket = (r.startNanos() - startedNanos) / 10_000_000_000L;
				long[] counts = perTenSeconds.computeIfAbsent(bucket, b -> new long[3]);
				counts[r.outcome().equals("model") ? 0 : r.status() == 200 && !r.outcome().contains("event") ? 1 : 2]++;
			}
			StringBuilder out = new StringBuilder(
					"\n| from s | model answers | other answers | not answered |\n|---:|---:|---:|---:|\n");
			perTenSeconds.forEach((bucket, c) -> out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d |%n",
					bucket * 10, c[0], c[1], c[2])));
			return out.toString();
		}

	}

	static String letters(long n) {
		StringBuilder out = new StringBuilder();
		do {
			out.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return Character.toUpperCase(out.charAt(0)) + out.substring(1);
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	// ---------------------------------------------------------------- the app process

	static final class App {

		private final Process process;

		private final int port;

		private App(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static App start(Options options, String name, Map<String, String> env) throws IOException {
			return start(options, name, env, freePort());
		}

		static App start(Options options, String name, Map<String, String> env, int port) throws IOException {
			List<String> command = new ArrayList<>(List.of(options.java, "--add-modules", "jdk.incubator.vector",
					"--enable-native-access=ALL-UNNAMED"));
			command.addAll(options.jvmArgs);
			command.addAll(List.of("-jar", options.jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(options.repo.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(options.out.resolve(name + ".log").toFile()));
			builder.environment().putAll(env);
			builder.environment().put("PORT", String.valueOf(port));
			builder.environment()
				.putIfAbsent("FRONTDESK_DATA_DIR", options.out.resolve("data-" + name.replace("-restarted", "")).toString());
			return new App(builder.start(), port);
		}

		int port() {
			return port;
		}

		long pid() {
			return process.pid();
		}

		void awaitReady(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("the app exited with " + process.exitValue() + ": see its log");
				}
				try {
					HttpResponse<String> response = HTTP.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("the app was not ready within " + timeout);
		}

		void kill9() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor();
		}

		void stop() throws InterruptedException {
			if (process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}

	}

	/** Heap (jstat) and RSS (/proc) of the app, every 5 s. */
	static final class Sampler {

		private final App app;

		private final Path csv;

		private final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean running;

		private Thread thread;

		Sampler(App app, Path csv) {
			this.app = app;
			this.csv = csv;
		}

		void start() {
			running = true;
			long started = System.nanoTime();
			thread = Thread.ofPlatform().name("sampler").start(() -> {
				while (running) {
					try {
						double rss = rssMb(app.pid());
						double heap = heapMb(app.pid());
						samples.add(new double[] { (System.nanoTime() - started) / 1e9, heap, rss });
						Thread.sleep(5000);
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (IOException ex) {
						// the process may be gone
					}
				}
			});
		}

		void stop() throws IOException, InterruptedException {
			running = false;
			thread.interrupt();
			thread.join();
			StringBuilder out = new StringBuilder("seconds,heap_used_mb,rss_mb\n");
			synchronized (samples) {
				for (double[] s : samples) {
					out.append(String.format(Locale.ROOT, "%.0f,%.1f,%.1f%n", s[0], s[1], s[2]));
				}
			}
			Files.writeString(csv, out);
		}

		String summary() {
			List<double[]> all = new ArrayList<>(samples);
			if (all.size() < 4) {
				return "\n(too few memory samples)\n";
			}
			// by the samples' own time: reading the heap takes longer on a busy machine, so a minute may hold fewer than 12
			java.util.TreeMap<Integer, List<double[]>> minutes = new java.util.TreeMap<>();
			for (double[] sample : all) {
				minutes.computeIfAbsent(Math.max(1, (int) Math.ceil(sample[0] / 60)), m -> new ArrayList<>()).add(sample);
			}
			StringBuilder out = new StringBuilder(
					"\nMemory per minute (heap: the lowest used heap seen in the minute, i.e. after collections; RSS: the last sample):\n\n"
							+ "| minute | heap used, min MB | heap used, max MB | RSS MB |\n|---:|---:|---:|---:|\n");
			List<double[]> perMinute = new ArrayList<>();
			for (Map.Entry<Integer, List<double[]>> entry : minutes.entrySet()) {
				List<double[]> slice = entry.getValue();
				double min = slice.stream().mapToDouble(s -> s[1]).min().orElse(0);
				double max = slice.stream().mapToDouble(s -> s[1]).max().orElse(0);
				double rss = slice.get(slice.size() - 1)[2];
				perMinute.add(new double[] { entry.getKey(), min, rss });
				out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f |%n", entry.getKey(), min, max, rss));
			}
			int skip = Math.max(0, Math.min(2, perMinute.size() - 2));
			List<double[]> settled = perMinute.subList(skip, perMinute.size());
			out.append(String.format(Locale.ROOT,
					"%nTrend after minute %d (least squares): heap floor %+.2f MB/min, RSS %+.2f MB/min%n", skip,
					slope(settled, 1), slope(settled, 2)));
			return out.toString();
		}

		private static double slope(List<double[]> points, int column) {
			int n = points.size();
			double sx = 0, sy = 0, sxx = 0, sxy = 0;
			for (double[] p : points) {
				sx += p[0];
				sy += p[column];
				sxx += p[0] * p[0];
				sxy += p[0] * p[column];
			}
			double d = n * sxx - sx * sx;
			return d == 0 ? 0 : (n * sxy - sx * sy) / d;
		}

		static double rssMb(long pid) throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
			return 0;
		}

		static double heapMb(long pid) throws IOException, InterruptedException {
			Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
			Process p = new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(pid)).redirectErrorStream(true).start();
			String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
			p.waitFor();
			if (lines.length < 2) {
				return 0;
			}
			String[] names = lines[0].trim().split("\\s+");
			String[] values = lines[1].trim().split("\\s+");
			double kb = 0;
			for (int i = 0; i < names.length && i < values.length; i++) {
				if (Set.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
					kb += Double.parseDouble(values[i]);
				}
			}
			return kb / 1024;
		}

	}

	// ---------------------------------------------------------------- fakes of the outside world

	enum ModelMode {

		NORMAL, SLOW, DOWN

	}

	/** One loopback HTTP server: the model, the Telegram Bot API, and the practice's webhook. */
	static final class Fakes implements AutoCloseable {

		final HttpServer server;

		final Model model = new Model();

		final Telegram telegram = new Telegram();

		final PracticeWebhook practice = new PracticeWebhook();

		Fakes() throws IOException {
			System.setProperty("sun.net.httpserver.nodelay", "true");
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/v1/chat/completions", model::completions);
			server.createContext("/v1/models", exchange -> respond(exchange, 200, "application/json",
					"{\"object\":\"list\",\"data\":[{\"id\":\"sim-model\",\"object\":\"model\"}]}"));
			server.createContext("/bot" + BOT_TOKEN + "/sendMessage", telegram::sendMessage);
			server.createContext("/practice", practice::receive);
			server.start();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

	/** An OpenAI-compatible streaming model: 100 ms to the first token, then 200 tokens/s, citing passage [1]. */
	static final class Model {

		static final String MARKER = "spine heals";

		static final String[] WORDS = ("On the back part of your spine, your surgeon places screws called pedicle "
				+ "screws into the bones through small poke-hole incisions [1]. Connecting rods are inserted into the "
				+ "screws to give your spine extra stability [1]. This holds everything in place while your spine heals [1].")
			.split(" ");

		volatile ModelMode mode = ModelMode.NORMAL;

		void completions(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			ModelMode now = mode;
			if (now == ModelMode.DOWN) {
				if (ThreadLocalRandom.current().nextBoolean()) {
					respond(exchange, 503, "application/json", "{\"error\":{\"message\":\"overloaded\"}}");
				}
				else {
					exchange.close();
				}
				return;
			}
			sleep(now == ModelMode.SLOW ? 5000 : 100);
			if (!body.contains("\"stream\":true") && !body.contains("\"stream\" : true")) {
				respond(exchange, 200, "application/json",
						"{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"sim-model\",\"choices\":"
								+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"does lateral fusion leave a scar\"},"
								+ "\"finish_reason\":\"stop\"}]}");
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < WORDS.length; i++) {
					String token = (i == 0 ? "" : " ") + WORDS[i];
					out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"sim-model\","
							+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + json(token) + "},\"finish_reason\":null}]}\n\n")
						.getBytes(StandardCharsets.UTF_8));
					out.flush();
					sleep(5);
				}
				out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"sim-model\","
						+ "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
					.getBytes(StandardCharsets.UTF_8));
			}
		}

	}

	/** The Telegram Bot API's sendMessage: remembers which chats were answered. */
	static final class Telegram {

		private final Set<Long> answered = ConcurrentHashMap.newKeySet();

		void sendMessage(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Matcher chat = Pattern.compile("\"chat_id\"\\s*:\\s*(\\d+)").matcher(body);
			if (chat.find()) {
				answered.add(Long.parseLong(chat.group(1)));
			}
			respond(exchange, 200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":1}}");
		}

		Set<Long> answeredChats() {
			return answered;
		}

		void awaitAll(Set<Long> chats, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && !answered.containsAll(chats)) {
				Thread.sleep(500);
			}
		}

	}

	/** The practice's webhook: remembers the idempotency keys it received. */
	static final class PracticeWebhook {

		final Set<String> keys = ConcurrentHashMap.newKeySet();

		final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();

		volatile boolean down;

		void receive(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (down) {
				respond(exchange, 503, "application/json", "{}");
				return;
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			if (key != null) {
				keys.add(key);
			}
			bodies.add(body);
			respond(exchange, 200, "application/json", "{}");
		}

		boolean received(String name) {
			return bodies.stream().anyMatch(body -> body.contains(name));
		}

		void awaitAll(Set<String> names, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && !names.stream().allMatch(this::received)) {
				Thread.sleep(500);
			}
		}

	}

	// ---------------------------------------------------------------- helpers

	static HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", patientAddress())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Patients come from many addresses, through the load balancer (a trusted proxy on loopback). */
	static String patientAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	static String chatBody(String conversationId, String message) {
		return "{\"conversationId\":" + (conversationId == null ? "null" : json(conversationId)) + ",\"message\":"
				+ json(message) + "}";
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void pause(int seconds) throws InterruptedException {
		Thread.sleep(seconds * 1000L);
	}

	/** Runs a command to its end, its output to a file (the server a command starts may keep its streams open). */
	static void run(Path log, String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	record Options(Path repo, Path jar, Path out, String java, Set<String> phases, int minutes, int rate,
			int faultStepSeconds, List<String> jvmArgs, Map<String, String> env, String pgCtl, String pgData,
			String pgUrl, String pgUser, String pgPassword) {

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, String> env = new LinkedHashMap<>();
			List<String> jvm = new ArrayList<>();
			for (int i = 0; i + 1 < args.length; i += 2) {
				switch (args[i]) {
					case "--env" -> {
						String[] kv = args[i + 1].split("=", 2);
						env.put(kv[0], kv[1]);
					}
					case "--jvm" -> jvm.add(args[i + 1]);
					default -> values.put(args[i].substring(2), args[i + 1]);
				}
			}
			Path repo = Path.of(values.getOrDefault("repo", ".")).toAbsolutePath().normalize();
			return new Options(repo, Path.of(values.get("jar")).toAbsolutePath(),
					Path.of(values.getOrDefault("out", "target/reliability")).toAbsolutePath(),
					Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					Set.of(values.getOrDefault("phases", "sustained,faults").split(",")),
					Integer.parseInt(values.getOrDefault("minutes", "10")),
					Integer.parseInt(values.getOrDefault("rate", "25")),
					Integer.parseInt(values.getOrDefault("fault-step-seconds", "30")), jvm, env,
					values.get("pg-ctl"), values.get("pg-data"), values.get("pg-url"),
					values.getOrDefault("pg-user", "frontdesk"), values.getOrDefault("pg-password", "frontdesk"));
		}

	}

}
