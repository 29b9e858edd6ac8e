package com.frontdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Frontdesk in a JVM of its own, on a free port and a given data folder: for tests that kill it ({@code kill -9}) or
 * stop it ({@code SIGTERM}) the way an operating system or a deployment does. It runs either from the classpath the
 * tests run on, or as released: the packaged jar laid out for a fast start ({@link #startPackaged}).
 * Its output goes to {@code app-<n>.log} in the data folder.
 */
public final class ChildApp implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private ChildApp(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the app and waits until its readiness probe says {@code UP}.
	 * @param settings Spring properties, passed as command-line arguments (they win over every file)
	 */
	public static ChildApp start(Path dataDir, Map<String, String> settings) {
		ChildApp app = launch(dataDir, settings);
		app.awaitReady();
		return app;
	}

	/** Starts the app and returns at once, before it listens: for tests of what happens while it starts. */
	public static ChildApp launch(Path dataDir, Map<String, String> settings) {
		return launch(List.of("-Xmx512m", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				"com.frontdesk.FrontdeskApplication"), dataDir, settings);
	}

	/**
	 * Starts the released app as an operator runs it: the packaged jar laid out by {@code tools/fast-start}, with its
	 * ahead-of-time cache required ({@code -XX:AOTMode=on}: a cache the JVM cannot use stops the start), and waits until
	 * it is ready.
	 */
	public static ChildApp startPackaged(Path dataDir, Map<String, String> settings) {
		Path layout = PackagedApp.layout();
		ChildApp app = launch(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + layout.resolve("app.aot"), "-jar",
				layout.resolve("frontdesk.jar").toString(), "--frontdesk.knowledge.dir=" + Path.of("knowledge").toAbsolutePath()),
				dataDir, settings);
		app.awaitReady();
		return app;
	}

	private static ChildApp launch(List<String> what, Path dataDir, Map<String, String> settings) {
		int port = freePort();
		try {
			Files.createDirectories(dataDir);
			Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
			List<String> command = new ArrayList<>(List.of(PackagedApp.java(), "--add-modules", "jdk.incubator.vector",
					"--enable-native-access=ALL-UNNAMED"));
			command.addAll(what);
			command.addAll(List.of("--server.port=" + port, "--frontdesk.data-dir=" + dataDir,
					"--frontdesk.knowledge.watch=false", "--frontdesk.limits.rate-limiting=false",
					"--logging.level.root=warn"));
			settings.forEach((name, value) -> command.add("--" + name + "=" + value));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ChildApp(process, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean alive() {
		return process.isAlive();
	}

	public int port() {
		return port;
	}

	/** What the app wrote to its standard output and error. */
	public String output() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code kill -9}: the JVM ends at once, nothing of it runs. */
	public void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	/** {@code SIGTERM}: the app's own orderly shutdown runs; waits until the JVM has ended. */
	public int stop() {
		process.destroy();
		return awaitExit();
	}

	private int awaitExit() {
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("The app did not end within two minutes");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Polls the readiness probe (a bounded number of times) until it answers 200. */
	private void awaitReady() {
		HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		for (int attempt = 0; attempt < 1200; attempt++) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The app ended while starting:\n" + output());
			}
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				process.waitFor(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("The app was not ready after 1,200 probes:\n" + output());
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
			awaitExit();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
