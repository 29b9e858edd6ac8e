package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the Docker image promises, checked without a Docker engine: its health check, run as the image runs it (bash
 * over loopback), says healthy for a ready app and unhealthy where nothing answers; it starts the layout and cache
 * {@code tools/fast-start} made, with the flags they were trained with; and the build context leaves out the local
 * database with patients' conversations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DockerImageTest {

	@LocalServerPort
	int port;

	@Test
	void theHealthCheckAsksTheReadinessProbe() throws Exception {
		List<String> command = healthCheck();
		assertThat(String.join(" ", command)).contains("/actuator/health/readiness");

		assertThat(run(command, port)).as("a ready app").isZero();
		assertThat(run(command, 9)).as("nothing listening").isNotZero();
	}

	@Test
	void theBuildContextHoldsNoPatientData() throws Exception {
		List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
		assertThat(ignore).contains("*").doesNotContain("!data/", "!target/", "!.git/");
		assertThat(ignore).filteredOn(line -> line.startsWith("!")).containsOnly("!.mvn/", "!mvnw", "!pom.xml", "!src/",
				"!knowledge/", "!tools/fast-start", "!tools/jdk");
	}

	@Test
	void theImageStartsTheLayoutThatFastStartTrainedWithTheSameFlags() throws Exception {
		String dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
		String script = Files.readString(Path.of("tools/fast-start"));
		String entrypoint = dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
		List<String> command = JsonMapper.builder().build().readValue(entrypoint.substring("ENTRYPOINT".length()).strip(),
				new tools.jackson.core.type.TypeReference<List<String>>() {
				});

		assertThat(dockerfile).contains("bash /app/tools/fast-start /tmp/frontdesk.jar /app/release");
		assertThat(command).containsSubsequence("-XX:AOTCache=/app/release/app.aot", "-jar", "/app/release/frontdesk.jar");
		assertThat(script).contains("flags=(" + String.join(" ", command.subList(1, command.indexOf("-XX:AOTCache=/app/release/app.aot"))) + ")");
	}

	private static List<String> healthCheck() throws Exception {
		String dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
		String line = dockerfile.lines().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow();
		String json = line.substring(line.indexOf("CMD") + 3).strip();
		return JsonMapper.builder().build().readValue(json, new tools.jackson.core.type.TypeReference<List<String>>() {
		});
	}

	private static int run(List<String> command, int port) throws Exception {
		List<String> local = command.stream().map(part -> part.replace("/127.0.0.1/8080", "/127.0.0.1/" + port)).toList();
		Process process = new ProcessBuilder(local).redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

}
