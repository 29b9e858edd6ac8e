package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model servers close kept-alive connections that were idle for a while (uvicorn after 5 s); a request that goes
 * out on such a connection at that moment gets no response at all. It never reached the model, so it is sent again
 * at once on a new connection and the patient still gets the model's answer. A raw-socket server stands in for the
 * model, because only at that level can a server close a connection the client is reusing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key", "frontdesk.llm.model=test-model",
				"frontdesk.llm.first-token-timeout=2s", "frontdesk.llm.timeout=5s", "frontdesk.llm.max-retry-wait=100ms",
				"frontdesk.llm.breaker-failures=100" })
class IdleConnectionsClosedByTheModelServerTest {

	static final String ANSWER = OpenAiStubs.stream("Your surgeon places screws called pedicle screws ",
			"into the bones of your spine [1].");

	static final ClosingModelServer MODEL = new ClosingModelServer();

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> "http://127.0.0.1:" + MODEL.port() + "/v1");
	}

	@AfterAll
	static void stop() throws IOException {
		MODEL.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry metrics;

	@BeforeEach
	void reset() {
		MODEL.reset(Closing.NOTHING);
	}

	@Test
	void aRequestOnAConnectionTheServerClosedIsSentAgainAndThePatientGetsTheModelsAnswer() {
		assertEveryTurnIsTheModelsWhenReusedConnectionsAreClosed(Closing.ORDERLY);
	}

	@Test
	void aRequestOnAConnectionTheServerResetIsSentAgainAndThePatientGetsTheModelsAnswer() {
		assertEveryTurnIsTheModelsWhenReusedConnectionsAreClosed(Closing.RESET);
	}

	@Test
	void aServerThatDropsEveryRequestIsTriedTwiceAndThePatientGetsTheEmbeddedAnswer() {
		new ChatClient(port).chat(null, "what are pedicle screws?");
		MODEL.reset(Closing.EVERY_REQUEST);
		double retriesBefore = retries();

		ChatClient.Response reply = new ChatClient(port).chat(null, "what are pedicle screws?");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("intent")).isEqualTo("answer");
		assertThat(reply.text("reply")).contains("screws called pedicle screws")
			.contains("Source: Minimally Invasive Lateral Fusion").doesNotContain("[1]");
		assertThat(MODEL.completionRequests()).isEqualTo(2);
		assertThat(retries() - retriesBefore).isEqualTo(1);
	}

	/**
	 * Turns until the server has closed a reused connection at least twice (the first turn opens the connection the
	 * next one reuses; the client may also have opened a new one meanwhile, hence a few turns at most).
	 */
	private void assertEveryTurnIsTheModelsWhenReusedConnectionsAreClosed(Closing closing) {
		MODEL.reset(closing);
		double retriesBefore = retries();
		double fallbacksBefore = fallbacks();
		ChatClient client = new ChatClient(port);
		for (int turn = 0; turn < 20 && MODEL.closed() < 2; turn++) {
			ChatClient.Response reply = client.chat(null, "what are pedicle screws?");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.text("intent")).isEqualTo("answer");
			assertThat(reply.text("reply")).as("the model's answer, not the embedded one").contains("[1]")
				.contains("screws called pedicle screws into the bones of your spine");
		}
		assertThat(MODEL.closed()).isGreaterThanOrEqualTo(2);
		assertThat(retries() - retriesBefore).isEqualTo(MODEL.closed());
		assertThat(fallbacks()).isEqualTo(fallbacksBefore);
	}

	private double fallbacks() {
		return metrics.find("frontdesk.llm.fallbacks").counters().stream().mapToDouble(Counter::count).sum();
	}

	private double retries() {
		Counter counter = metrics.find("frontdesk.llm.retries").tag("reason", "connection").counter();
		return counter == null ? 0 : counter.count();
	}

	/** What the server does with a chat completions request instead of answering it. */
	enum Closing {

		/** Answers every request. */
		NOTHING,
		/** Closes a kept-alive connection when a second request arrives on it (FIN: "received no bytes"). */
		ORDERLY,
		/** The same with a reset (RST: "connection reset"). */
		RESET,
		/** Closes every connection as soon as its request arrives. */
		EVERY_REQUEST

	}

	/**
	 * An OpenAI-compatible server on a plain socket, HTTP/1.1 with keep-alive: one thread per connection, requests
	 * answered with a fixed streamed answer unless {@link Closing} says to close the connection instead.
	 */
	static final class ClosingModelServer implements AutoCloseable {

		private final ServerSocket server;

		private volatile Closing closing = Closing.NOTHING;

		private final AtomicInteger completionRequests = new AtomicInteger();

		private final AtomicInteger closed = new AtomicInteger();

		ClosingModelServer() {
			try {
				server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread.ofVirtual().name("closing-model-accept").start(this::accept);
		}

		int port() {
			return server.getLocalPort();
		}

		void reset(Closing closing) {
			this.closing = closing;
			completionRequests.set(0);
			closed.set(0);
		}

		int completionRequests() {
			return completionRequests.get();
		}

		int closed() {
			return closed.get();
		}

		private void accept() {
			while (!server.isClosed()) {
				try {
					Socket socket = server.accept();
					Thread.ofVirtual().name("closing-model-connection").start(() -> serve(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket) {
			try (socket) {
				InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream();
				for (int onThisConnection = 1;; onThisConnection++) {
					String requestLine = readRequest(in);
					if (requestLine == null) {
						return;
					}
					if (!requestLine.startsWith("POST")) {
						write(out, "application/json", "{\"object\":\"list\",\"data\":[]}");
						continue;
					}
					completionRequests.incrementAndGet();
					Closing now = closing;
					if (now == Closing.EVERY_REQUEST || (onThisConnection > 1 && now != Closing.NOTHING)) {
						closed.incrementAndGet();
						if (now == Closing.RESET) {
							socket.setSoLinger(true, 0);
						}
						return;
					}
					write(out, "text/event-stream", ANSWER);
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		}

		/** Reads one request (headers and a Content-Length body); null at the end of the connection. */
		private static String readRequest(InputStream in) throws IOException {
			String requestLine = line(in);
			if (requestLine == null || requestLine.isEmpty()) {
				return null;
			}
			int length = 0;
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
				}
			}
			in.readNBytes(length);
			return requestLine;
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					return null;
				}
				if (b != '\r') {
					bytes.write(b);
				}
			}
			return bytes.toString(StandardCharsets.US_ASCII);
		}

		private static void write(OutputStream out, String type, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
