package com.frontdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.retrieval.IndexStatus;
import com.frontdesk.retrieval.KnowledgeIndexes;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.support.ChatClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many practices on one instance: for each practice count of {@code -Dbench.practices} (default {@code 1,10,50,200}),
 * a real instance (Spring context, Tomcat on a random port, an H2 file database and a data folder of its own, so the
 * start is cold: no cached vector) serving that many practices of {@code -Dbench.pages} (default 20) generated pages
 * each, every practice's text its own. Measured per count: start-up (from {@code run} to ready), the time to build
 * every index (the sum of the practices' {@link IndexStatus#buildMillis()}), passages embedded, heap after start
 * (the heap after {@code System.gc()} with the instance, minus the heap before it started; an untimed first start
 * has loaded what the JVM keeps whatever runs in it) and per practice against the single-practice run, re-index of one practice, retrieval
 * latency per lookup ({@link Retriever#retrieve}, spread over every practice) and the latency of a chat turn over
 * HTTP ({@code POST /api/chat}, spread over every practice), the first time those turns are asked and again. The largest count is then started once more as a second
 * instance over the same database (a new data folder): its start shows what the shared vectors save.
 *
 * <p>A documented harness, not a test: surefire leaves out {@code *Benchmark*} and nothing is asserted about time.
 * Run it with:
 *
 * <pre>./mvnw -q -B -o test -Dtest=PracticesBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.practices=1,10,50,200</pre>
 *
 * Results are printed and written to {@code target/benchmarks/practices.json}. The 1-practice run is the
 * single-practice instance the others are compared with, in the same JVM and the same run.
 */
class PracticesBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** What each generated page is about; every practice has the same topics, worded with its own name and street. */
	static final List<String> TOPICS = List.of("parking", "opening hours", "insurance", "billing", "first visit",
			"referrals", "imaging", "physical therapy", "medications", "pain management", "surgery preparation",
			"recovery at home", "video visits", "cancellations", "medical records", "wheelchair access", "interpreters",
			"children", "sports injuries", "second opinions", "nerve tests", "injections", "bracing", "work notes");

	static final List<String> QUESTIONS = List.of("where can I park", "when are you open", "do you take my insurance",
			"how do I pay my bill", "what happens at the first visit", "do I need a referral", "can I get an MRI there",
			"do you offer physical therapy", "can you refill my medication", "how is pain managed",
			"how do I prepare for surgery", "how long is recovery at home", "can I have a video visit",
			"how do I cancel an appointment", "how do I get my medical records", "is there wheelchair access");

	@Test
	void manyPracticesOnOneInstance() throws Exception {
		List<Integer> counts = Arrays.stream(System.getProperty("bench.practices", "1,10,50,200").split(","))
			.map(String::strip).map(Integer::parseInt).toList();
		int pages = Integer.getInteger("bench.pages", 20);
		int lookups = Integer.getInteger("bench.lookups", 2000);
		int turns = Integer.getInteger("bench.turns", 200);
		Path root = Files.createTempDirectory("frontdesk-practices-bench");
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("pagesPerPractice", pages);
		results.put("processors", Runtime.getRuntime().availableProcessors());
		results.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		List<Map<String, Object>> runs = new ArrayList<>();
		long baseHeap = -1;
		int baseCount = -1;
		System.out.printf("%nMany practices on one instance (%d pages each)%n", pages);
		System.out.printf("%-9s %9s %9s %9s %9s %10s %9s %9s %9s %9s %9s %9s %9s%n", "practices", "start s", "build s",
				"passages", "embedded", "heap MB", "MB/pract", "reidx ms", "look p50", "look p99", "1st p50",
				"turn p50", "turn p99");
		System.out.println("(latencies in ms; 1st: a turn asked for the first time, turn: the same turns asked again)");
		// An untimed start first, so that the first measured instance does not pay for the JVM's first loads.
		measure(1, settings(1, pages, root.resolve("content-warm-up")), root.resolve("db-warm-up"),
				root.resolve("data-warm-up"), 50, 10);
		for (int count : counts) {
			Path folders = root.resolve("content-" + count);
			List<String> args = settings(count, pages, folders);
			Path database = root.resolve("db-" + count);
			Map<String, Object> run = measure(count, args, database, root.resolve("data-" + count), lookups, turns);
			long heap = (long) run.get("heapAfterStartBytes");
			if (baseHeap < 0) {
				baseHeap = heap;
				baseCount = count;
			}
			else if (count > baseCount) {
				run.put("heapPerPracticeBytes", (heap - baseHeap) / (count - baseCount));
			}
			runs.add(run);
			print(run);
			if (count == counts.getLast()) {
				Map<String, Object> warm = measure(count, args, database, root.resolve("data-" + count + "-second"),
						Math.min(lookups, 200), Math.min(turns, 20));
				warm.put("secondInstance", true);
				runs.add(warm);
				System.out.print("second instance, same database: ");
				print(warm);
			}
		}
		results.put("runs", runs);
		Path out = Path.of("target/benchmarks/practices.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writeValueAsString(results));
		System.out.println("Written to " + out.toAbsolutePath());
	}

	private static Map<String, Object> measure(int count, List<String> settings, Path database, Path dataDir,
			int lookups, int turns) throws IOException {
		long heapBefore = usedHeapAfterGc();
		List<String> args = new ArrayList<>(settings);
		args.add("--frontdesk.data-dir=" + dataDir);
		args.add("--spring.datasource.url=jdbc:h2:file:" + database.resolve("frontdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
		long started = System.nanoTime();
		Map<String, Object> run = new LinkedHashMap<>();
		long heapWithInstance;
		try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(FrontdeskApplication.class)
			.run(args.toArray(String[]::new))) {
			run.put("practices", count);
			run.put("startupMillis", (System.nanoTime() - started) / 1_000_000);
			KnowledgeIndexes indexes = instance.getBean(KnowledgeIndexes.class);
			Map<PracticeId, IndexStatus> statuses = indexes.statuses();
			assertThat(statuses).hasSize(count).allSatisfy((id, status) -> assertThat(status.loaded()).isTrue());
			run.put("buildAllMillis", statuses.values().stream().mapToLong(IndexStatus::buildMillis).sum());
			run.put("passages", statuses.values().stream().mapToInt(IndexStatus::passages).sum());
			run.put("embeddedAtStart", (long) instance.getBean(MeterRegistry.class)
				.get("frontdesk.embeddings.computed").functionCounter().count());
			heapWithInstance = usedHeapAfterGc();
			List<PracticeId> practices = new ArrayList<>(statuses.keySet());
			run.put("reindexOneMillis", reindexOne(indexes, practices.getLast()));
			Retriever retriever = instance.getBean(Retriever.class);
			Random random = new Random(42);
			Latencies lookup = new Latencies();
			int covered = 0;
			for (int i = 0; i < lookups + lookups / 5; i++) {
				PracticeId practice = practices.get(random.nextInt(practices.size()));
				String question = QUESTIONS.get(random.nextInt(QUESTIONS.size()));
				long t = System.nanoTime();
				boolean answered = retriever.retrieve(practice, question, "").covered();
				if (i >= lookups / 5) {
					lookup.add(System.nanoTime() - t);
					covered += answered ? 1 : 0;
				}
			}
			run.put("lookupMs", lookup.summary().toMap());
			run.put("lookupsCovered", covered / (double) lookup.count());
			ChatClient client = new ChatClient(((WebServerApplicationContext) instance).getWebServer().getPort());
			List<String> asked = new ArrayList<>();
			for (int i = 0; i < turns; i++) {
				PracticeId practice = practices.get(random.nextInt(practices.size()));
				asked.add(JSON.writeValueAsString(Map.of("practice", practice.value(), "message",
						QUESTIONS.get(random.nextInt(QUESTIONS.size())) + "?")));
			}
			// The first time a practice's passage is answered from, its sentences' vectors are read or embedded
			// (they are not made at the build); the same turns asked again show the steady state.
			run.put("turnFirstAskedMs", turns(client, asked).summary().toMap());
			run.put("turnMs", turns(client, asked).summary().toMap());
		}
		run.put("heapAfterStartBytes", heapWithInstance - heapBefore);
		return run;
	}

	private static Latencies turns(ChatClient client, List<String> bodies) {
		Latencies turn = new Latencies();
		for (String body : bodies) {
			long t = System.nanoTime();
			ChatClient.Response response = client.post("/api/chat", body, "application/json");
			turn.add(System.nanoTime() - t);
			assertThat(response.status()).isEqualTo(200);
		}
		return turn;
	}

	/** The median of five re-indexes of one practice (its vectors cached by then, as after any change of a file). */
	private static long reindexOne(KnowledgeIndexes indexes, PracticeId practice) {
		long[] millis = new long[5];
		for (int i = 0; i < millis.length; i++) {
			long t = System.nanoTime();
			indexes.reindex(practice);
			millis[i] = (System.nanoTime() - t) / 1_000_000;
		}
		Arrays.sort(millis);
		return millis[2];
	}

	/** The settings of {@code count} practices, each with its own folder of generated pages (the first is the default). */
	private static List<String> settings(int count, int pages, Path folders) throws IOException {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--frontdesk.knowledge.watch=false",
				"--frontdesk.limits.rate-limiting=false", "--logging.level.root=warn"));
		for (int n = 0; n < count; n++) {
			Path folder = folders.resolve("practice-" + n);
			writePages(folder, n, pages);
			if (n == 0) {
				args.add("--frontdesk.knowledge.dir=" + folder);
				continue;
			}
			String prefix = "--frontdesk.practices[" + (n - 1) + "].";
			args.add(prefix + "id=practice-" + n);
			args.add(prefix + "profile.name=" + name(n));
			args.add(prefix + "knowledge-dir=" + folder);
		}
		return args;
	}

	private static String name(int n) {
		return "Clinic " + n + " Spine Center";
	}

	/** {@code pages} pages of three sections each, worded with the practice's own name, street and numbers. */
	static void writePages(Path folder, int n, int pages) throws IOException {
		Files.createDirectories(folder);
		String name = name(n);
		String street = (n + 3) + " " + List.of("Elm", "Oak", "Pine", "Maple", "Cedar").get(n % 5) + " Road";
		for (int p = 0; p < pages; p++) {
			String topic = TOPICS.get(p % TOPICS.size());
			String title = capitalised(topic) + " at " + name;
			String page = "# " + title + "\n\n## About " + topic + "\n" + name + " on " + street + " helps its patients with "
					+ topic + ". Questions about " + topic + " are answered by the front desk on weekdays from "
					+ (7 + n % 3) + " am, and the team explains each step before the visit.\n\n## How to arrange "
					+ topic + "\nCall " + name + " or ask at the desk on " + street + "; for " + topic
					+ " the staff need your date of birth and, when you have one, your referral letter. Most requests "
					+ "are settled within " + (2 + n % 4) + " working days.\n\n## What to bring for " + topic
					+ "\nBring your insurance card, a list of your medications and any earlier imaging. " + name
					+ " keeps a copy in your record, so you bring them for " + topic + " only once.\n";
			Files.writeString(folder.resolve(String.format(Locale.ROOT, "%02d-%s.md", p, topic.replace(' ', '-'))),
					page);
		}
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@SuppressWarnings("unchecked")
	private static void print(Map<String, Object> run) {
		Map<String, Object> lookup = (Map<String, Object>) run.get("lookupMs");
		Map<String, Object> turn = (Map<String, Object>) run.get("turnMs");
		Map<String, Object> first = (Map<String, Object>) run.get("turnFirstAskedMs");
		Object perPractice = run.get("heapPerPracticeBytes");
		System.out.printf(Locale.ROOT, "%-9d %9.1f %9.1f %9d %9d %10.0f %9s %9d %9s %9s %9s %9s %9s%n", run.get("practices"),
				(long) run.get("startupMillis") / 1000.0, (long) run.get("buildAllMillis") / 1000.0, run.get("passages"),
				run.get("embeddedAtStart"), (long) run.get("heapAfterStartBytes") / 1048576.0,
				perPractice == null ? "-" : String.format(Locale.ROOT, "%.2f", (long) perPractice / 1048576.0),
				run.get("reindexOneMillis"), lookup.get("p50_ms"), lookup.get("p99_ms"), first.get("p50_ms"),
				turn.get("p50_ms"), turn.get("p99_ms"));
	}

}
