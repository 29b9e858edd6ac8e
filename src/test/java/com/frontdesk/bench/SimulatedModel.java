package com.frontdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The simulated model as the benchmark sees it: where it listens, what it recorded for each call, and how many
 * streams it had open at most. Either {@link SimulatedOpenAiModel} in the benchmark's own JVM, or the same server in
 * a process of its own ({@link #inOwnProcess}).
 */
interface SimulatedModel extends AutoCloseable {

	String baseUrl();

	/** The call whose answer carried this reference word, or null. */
	SimulatedOpenAiModel.Call call(String reference);

	int peakActiveAndReset();

	/** Changes the model's pace from the next call on (the benchmark's JIT warm-up runs against a fast model). */
	void speed(long firstTokenMillis, double tokensPerSecond);

	@Override
	void close();

	/**
	 * Starts {@link SimulatedOpenAiModel#main} in a child JVM (the same {@code java}, the test classes only, a small
	 * heap). On Linux {@link System#nanoTime()} is the system's monotonic clock, the same in every process, so the
	 * times it records still compare with the client's and the service's.
	 */
	static SimulatedModel inOwnProcess(long firstTokenMillis, double tokensPerSecond) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		String classes = Path.of(SimulatedOpenAiModel.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		Process process = new ProcessBuilder(java, "-Xmx512m", "-Dbench.sim.maxIdle=" + System.getProperty("bench.sim.maxIdle", "4000"),
				"-cp", classes, SimulatedOpenAiModel.class.getName(), Long.toString(firstTokenMillis),
				Double.toString(tokensPerSecond))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String baseUrl = out.readLine();
		if (baseUrl == null || !baseUrl.startsWith("http")) {
			process.destroy();
			throw new IOException("The simulated model did not start: " + baseUrl);
		}
		return new Remote(process, baseUrl);
	}

	/** The simulated model in its own process, asked over HTTP for what it recorded. */
	final class Remote implements SimulatedModel {

		private final Process process;

		private final String baseUrl;

		private final String benchUrl;

		private final HttpClient http = HttpClient.newHttpClient();

		private final Map<String, SimulatedOpenAiModel.Call> calls = new ConcurrentHashMap<>();

		private int fetched;

		Remote(Process process, String baseUrl) {
			this.process = process;
			this.baseUrl = baseUrl;
			this.benchUrl = baseUrl.substring(0, baseUrl.length() - "/v1".length()) + "/bench";
		}

		@Override
		public String baseUrl() {
			return baseUrl;
		}

		@Override
		public SimulatedOpenAiModel.Call call(String reference) {
			if (reference == null) {
				return null;
			}
			SimulatedOpenAiModel.Call call = calls.get(reference);
			if (call == null) {
				fetchNewCalls();
				call = calls.get(reference);
			}
			return call;
		}

		private synchronized void fetchNewCalls() {
			List<String> lines = get("/calls?from=" + fetched).lines().filter(l -> !l.isBlank()).toList();
			for (String line : lines) {
				Map.Entry<String, SimulatedOpenAiModel.Call> call = SimulatedOpenAiModel.Call.parse(line);
				calls.put(call.getKey(), call.getValue());
			}
			fetched += lines.size();
		}

		@Override
		public int peakActiveAndReset() {
			return Integer.parseInt(get("/peak").strip());
		}

		@Override
		public void speed(long firstTokenMillis, double tokensPerSecond) {
			get("/speed?firstTokenMs=" + firstTokenMillis + "&tokensPerSecond=" + tokensPerSecond);
		}

		private String get(String path) {
			try {
				return http.send(HttpRequest.newBuilder(URI.create(benchUrl + path)).build(),
						HttpResponse.BodyHandlers.ofString()).body();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			try {
				process.getOutputStream().close();
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.destroy();
				}
			}
			catch (IOException | InterruptedException ex) {
				process.destroy();
			}
		}

	}

}
