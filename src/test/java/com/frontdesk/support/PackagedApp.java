package com.frontdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar (built by {@code package}, named by the build in {@code frontdesk.packaged-jar}) laid out once per
 * test JVM by {@code tools/fast-start}, exactly as the Docker image and the production guide do it: extracted, with
 * the JDK's ahead-of-time cache trained by one start.
 */
final class PackagedApp {

	private static Path layout;

	private PackagedApp() {
	}

	/** The java the tests run on: the build's JDK (21 or later), also for the apps they start. */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static synchronized Path layout() {
		if (layout == null) {
			layout = prepare();
		}
		return layout;
	}

	private static Path prepare() {
		String jar = System.getProperty("frontdesk.packaged-jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No packaged jar (frontdesk.packaged-jar=" + jar + "): run with ./mvnw verify");
		}
		try {
			Path folder = Files.createTempDirectory("frontdesk-release");
			Path output = folder.resolve("fast-start.log");
			ProcessBuilder builder = new ProcessBuilder("bash", "tools/fast-start", jar, folder.toString())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("JAVA", java());
			builder.environment().put("FRONTDESK_KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString());
			Process process = builder.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("tools/fast-start did not finish within five minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("tools/fast-start failed:\n" + Files.readString(output));
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
