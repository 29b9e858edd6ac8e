package com.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A simulated OpenAI-compatible chat completions server on loopback (JDK {@code HttpServer}, one virtual thread per
 * request): response headers at once, the first token after {@code firstTokenMillis}, then one token every
 * {@code 1000 / tokensPerSecond} ms on an absolute schedule (no drift), as {@code chat.completion.chunk} events,
 * then the finish chunk and {@code [DONE]}.
 *
 * <p>Every answer carries a unique reference word ("ref" + letters, no digits so the output guard lets it through)
 * in its last sentence. The client finds it in the reply, which ties each turn to the model call that served it;
 * client, service and this server share one JVM and so one {@link System#nanoTime()} clock. For each call the
 * server records when the request arrived, when the first token was written, when the first sentence became
 * releasable (the token after its full stop was written) and when the response was complete.
 */
final class SimulatedOpenAiModel implements SimulatedModel {

	/** The answer: number-free (the guard checks numbers against the passages), citing passage [1]. */
	static final List<String> SENTENCES = List.of(
			"On the back part of your spine, your surgeon places screws called pedicle screws into the bones through small poke-hole incisions [1].",
			"Connecting rods are inserted into the screws to give your spine extra stability [1].",
			"This holds everything in place while your spine heals [1].",
			"Reference %s [1].");

	private static final String REF_PREFIX = "ref";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private volatile long firstTokenNanos;

	private volatile long tokenIntervalNanos;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger peakActive = new AtomicInteger();

	private final AtomicInteger condenseCalls = new AtomicInteger();

	private final AtomicInteger streamErrors = new AtomicInteger();

	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	/** The calls in the order they ended, for {@code GET /calls?from=n} (the model in its own process). */
	private final List<String> callLines = java.util.Collections.synchronizedList(new ArrayList<>());

	/**
	 * One streamed model call, times from {@link System#nanoTime()}.
	 * @param received the request line and body were read
	 * @param firstToken the first content chunk was written and flushed
	 * @param firstSentence the chunk after the first sentence's full stop was written (the service can release the
	 * sentence from then on)
	 * @param end the last byte was written and the exchange closed
	 * @param tokens content chunks written
	 */
	record Call(long received, long firstToken, long firstSentence, long end, int tokens) {

		long durationNanos() {
			return end - received;
		}

		/** The other side of {@code /bench/calls}: "reference received firstToken firstSentence end tokens". */
		static java.util.Map.Entry<String, Call> parse(String line) {
			String[] f = line.strip().split(" ");
			return Map.entry(f[0], new Call(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
					Long.parseLong(f[4]), Integer.parseInt(f[5])));
		}

	}

	SimulatedOpenAiModel(long firstTokenMillis, double tokensPerSecond) throws IOException {
		// Without TCP_NODELAY (the JDK server's default) Nagle's algorithm holds back a small write while the
		// previous one is unacknowledged, and the client's delayed ACK makes that up to 40 ms: a real model server
		// streams without that delay. Read once, when the JDK's server configuration is first loaded.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		// The JDK server closes idle keep-alive connections beyond 200 (default), which a client may be reusing
		// at that moment; 1,000 concurrent streams keep far more than 200 connections. bench.sim.maxIdle changes it.
		System.setProperty("sun.net.httpserver.maxIdleConnections", System.getProperty("bench.sim.maxIdle", "4000"));
		speed(firstTokenMillis, tokensPerSecond);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
		server.setExecutor(executor);
		server.createContext("/v1/chat/completions", this::completions);
		server.createContext("/v1/models", exchange -> respond(exchange, 200, "application/json",
				"{\"object\":\"list\",\"data\":[{\"id\":\"sim-model\",\"object\":\"model\",\"owned_by\":\"bench\"}]}"));
		server.createContext("/bench/calls", exchange -> {
			int from = Integer.parseInt(exchange.getRequestURI().getQuery().substring("from=".length()));
			StringBuilder lines = new StringBuilder();
			synchronized (callLines) {
				for (int i = from; i < callLines.size(); i++) {
					lines.append(callLines.get(i)).append('\n');
				}
			}
			respond(exchange, 200, "text/plain", lines.toString());
		});
		server.createContext("/bench/speed", exchange -> {
			String[] query = exchange.getRequestURI().getQuery().split("&");
			speed(Long.parseLong(query[0].substring("firstTokenMs=".length())),
					Double.parseDouble(query[1].substring("tokensPerSecond=".length())));
			respond(exchange, 200, "text/plain", "ok");
		});
		server.createContext("/bench/peak", exchange -> respond(exchange, 200, "text/plain",
				Integer.toString(peakActiveAndReset())));
		server.start();
	}

	/**
	 * The simulated model in a process of its own, so that its threads, allocations and garbage collections are not
	 * the service's: {@code java -cp target/test-classes com.frontdesk.bench.SimulatedOpenAiModel <first token ms>
	 * <tokens per second>}. Prints its base URL, serves until its standard input closes (its parent ended).
	 */
	public static void main(String[] args) throws IOException {
		SimulatedOpenAiModel model = new SimulatedOpenAiModel(Long.parseLong(args[0]), Double.parseDouble(args[1]));
		System.out.println(model.baseUrl());
		System.out.flush();
		while (System.in.read() >= 0) {
			// wait for the parent to go away
		}
		model.close();
	}

	@Override
	public String baseUrl() {
		return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
	}

	/** The reference word in a reply, or null when the reply is not this model's answer. */
	static String referenceIn(String reply) {
		int at = reply.indexOf("Reference " + REF_PREFIX);
		if (at < 0) {
			return null;
		}
		int from = at + "Reference ".length();
		int to = from;
		while (to < reply.length() && Character.isLetter(reply.charAt(to))) {
			to++;
		}
		return reply.substring(from, to);
	}

	@Override
	public void speed(long firstTokenMillis, double tokensPerSecond) {
		this.firstTokenNanos = TimeUnit.MILLISECONDS.toNanos(firstTokenMillis);
		this.tokenIntervalNanos = (long) (1_000_000_000L / tokensPerSecond);
	}

	@Override
	public Call call(String reference) {
		return reference == null ? null : calls.get(reference);
	}

	int active() {
		return active.get();
	}

	@Override
	public int peakActiveAndReset() {
		return peakActive.getAndSet(active.get());
	}

	int condenseCalls() {
		return condenseCalls.get();
	}

	int streamErrors() {
		return streamErrors.get();
	}

	long callsServed() {
		return sequence.get();
	}

	/** The tokens of one answer: words with their leading space, as OpenAI's tokenizer mostly splits them. */
	static List<String> tokens(String reference) {
		List<String> tokens = new ArrayList<>();
		for (int s = 0; s < SENTENCES.size(); s++) {
			String sentence = SENTENCES.get(s).formatted(reference);
			String[] words = sentence.split(" ");
			for (int w = 0; w < words.length; w++) {
				tokens.add((s == 0 && w == 0 ? "" : " ") + words[w]);
			}
		}
		return tokens;
	}

	/** Index of the first token of the second sentence: once it is written, the first sentence can be released. */
	static int firstSentenceReleasedBy() {
		return SENTENCES.get(0).split(" ").length;
	}

	private void completions(HttpExchange exchange) throws IOException {
		long received = System.nanoTime();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!body.replace(" ", "").contains("\"stream\":true")) {
			// A non-streamed call (condensing a follow-up): the first token's wait, then the whole question.
			condenseCalls.incrementAndGet();
			sleepUntil(received + firstTokenNanos + 6 * tokenIntervalNanos);
			respond(exchange, 200, "application/json", completion("What are pedicle screws?"));
			return;
		}
		String reference = reference(sequence.incrementAndGet());
		int now = active.incrementAndGet();
		peakActive.accumulateAndGet(now, Math::max);
		long firstToken = 0;
		long firstSentence = 0;
		int written = 0;
		try {
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			List<String> tokens = tokens(reference);
			int releaseIndex = firstSentenceReleasedBy();
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(event("{\"id\":\"chatcmpl-sim\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
						+ "\"model\":\"sim-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
						+ "\"finish_reason\":null}]}"));
				out.flush();
				for (int i = 0; i < tokens.size(); i++) {
					sleepUntil(received + firstTokenNanos + i * tokenIntervalNanos);
					out.write(event(chunk(tokens.get(i))));
					out.flush();
					written++;
					long at = System.nanoTime();
					if (i == 0) {
						firstToken = at;
					}
					if (i == releaseIndex) {
						firstSentence = at;
					}
				}
				out.write(event("{\"id\":\"chatcmpl-sim\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
						+ "\"model\":\"sim-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
				out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			exchange.close();
		}
		catch (IOException | RuntimeException ex) {
			streamErrors.incrementAndGet();
			throw ex;
		}
		finally {
			active.decrementAndGet();
			Call call = new Call(received, firstToken, firstSentence, System.nanoTime(), written);
			calls.put(reference, call);
			callLines.add(reference + " " + call.received() + " " + call.firstToken() + " " + call.firstSentence() + " "
					+ call.end() + " " + call.tokens());
		}
	}

	private static String reference(long sequence) {
		StringBuilder letters = new StringBuilder();
		long n = sequence;
		do {
			letters.append((char) ('a' + (n % 26)));
			n /= 26;
		}
		while (n > 0);
		return REF_PREFIX + letters;
	}

	private static String chunk(String content) {
		return "{\"id\":\"chatcmpl-sim\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"sim-model\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content.replace("\\", "\\\\").replace("\"", "\\\"")
				+ "\"},\"finish_reason\":null}]}";
	}

	private static String completion(String content) {
		return "{\"id\":\"chatcmpl-sim\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"sim-model\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
				+ "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":6,\"total_tokens\":16}}";
	}

	private static byte[] event(String json) {
		return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		exchange.close();
	}

	private static void sleepUntil(long deadline) {
		long left = deadline - System.nanoTime();
		if (left > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
