package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A model that writes the emergency marker and then stalls: the call ends at the answer's timeout and the turn is
 * still raised to an emergency. The model server here sends the marker at once and then holds the stream open until
 * the test is over, so the marker always comes before the stall, however busy the machine is (a dribbled response
 * sends its first bytes only after its first delay, which raced the call's own timeouts).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key", "frontdesk.llm.model=test-model",
				"frontdesk.llm.first-token-timeout=30s", "frontdesk.llm.timeout=3s", "frontdesk.llm.breaker-failures=100" })
class ModelStalledAfterEmergencyTest {

	/** Holds every streamed answer open after the marker until the test class is done. */
	static final CountDownLatch RELEASE = new CountDownLatch(1);

	static final HttpServer MODEL = start();

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> "http://127.0.0.1:" + MODEL.getAddress().getPort() + "/v1");
	}

	@AfterAll
	static void stop() {
		RELEASE.countDown();
		MODEL.stop(0);
	}

	@LocalServerPort
	int port;

	@Test
	void aModelThatStallsAfterTheMarkerStillRaisesTheTurnWhenItTimesOut() {
		ChatClient client = new ChatClient(port);
		JsonNode hello = client.chat(null, "Hello").json();
		assertThat(hello.get("intent").stringValue()).isEqualTo("greeting");

		JsonNode reply = client.chat(hello.get("conversationId").stringValue(), ModelRaisedEmergencyTest.UNRECOGNISED_SIGNS)
			.json();

		ModelRaisedEmergencyTest.assertEmergencyAdvice(reply);
	}

	/**
	 * An OpenAI-compatible server: a question to rewrite comes back as a standalone question the content covers; a
	 * streamed answer is the marker, sent and flushed at once, and then nothing until {@link #RELEASE}.
	 */
	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/chat/completions", ModelStalledAfterEmergencyTest::answer);
			server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			if (!request.replace(" ", "").contains("\"stream\":true")) {
				byte[] body = OpenAiStubs.completion(ModelRaisedEmergencyTest.STANDALONE).getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				out.write(body);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			out.write(OpenAiStubs.truncatedStream("EMERGENCY").getBytes(StandardCharsets.UTF_8));
			out.flush();
			RELEASE.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the caller gave up on the stalled stream: nothing more to send
		}
	}

}
