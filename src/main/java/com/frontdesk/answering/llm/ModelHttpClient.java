package com.frontdesk.answering.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The HTTP client behind every LangChain4j model here: one bounded retry, either at once when a connection failed
 * before any response (a kept-alive connection the server had closed) or after a 429 or 5xx honouring
 * {@code Retry-After} (capped); a timeout for the response headers, and for streams an idle timeout that closes a
 * stream which stops sending. Retries are counted ({@code frontdesk.llm.retries}). Nothing of the requests or
 * responses is logged. Virtual threads do the client's work, so thousands of open streams need no thread pool.
 */
final class ModelHttpClient implements dev.langchain4j.http.client.HttpClient {

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().daemon().name("llm-stream-watchdog").factory());

	private final HttpClient http;

	private final Duration responseTimeout;

	private final Duration idleTimeout;

	private final Duration maxRetryWait;

	private final Retries retries;

	ModelHttpClient(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout, Duration maxRetryWait,
			Retries retries) {
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		this.responseTimeout = responseTimeout;
		this.idleTimeout = idleTimeout;
		this.maxRetryWait = maxRetryWait;
		this.retries = retries;
	}

	/** Counts retries by reason: {@code connection}, {@code rate_limited}, {@code server_error}. */
	record Retries(MeterRegistry metrics, String provider) {

		void count(String reason) {
			metrics.counter("frontdesk.llm.retries", "provider", provider, "reason", reason).increment();
		}

	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		HttpResponse<byte[]> response = send(request, BodyHandlers.ofByteArray());
		return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
			.body(response.body()).build();
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		Thread.ofVirtual().name("llm-stream").start(() -> {
			try {
				HttpResponse<InputStream> response = send(request, BodyHandlers.ofInputStream());
				listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
					.headers(response.headers().map()).build());
				try (InputStream body = new IdleTimeoutStream(response.body(), idleTimeout)) {
					parser.parse(body, listener);
				}
				listener.onClose();
				// A complete answer has been delivered by now; if the stream stopped early, this ends the wait.
				listener.onError(new StreamEnded());
			}
			catch (RuntimeException | IOException ex) {
				listener.onError(ex instanceof IOException io ? new TimeoutException(io) : ex);
			}
		});
	}

	/**
	 * The model's stream ended; reported after the parser is done so a stream cut short never leaves a caller waiting.
	 * It ends every stream, so it carries no stack trace (filling one in costs more than the rest of the signal).
	 */
	static final class StreamEnded extends IOException {

		StreamEnded() {
			super("The model's stream ended");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

	/**
	 * Sends once, and once more after a 429 or 5xx, or at once after a connection that failed before any response;
	 * the second failure is the one reported. Such a request never got an answer (typically it went out on a
	 * kept-alive connection the server had just closed for being idle), so sending it again is safe; a refused
	 * connection is not retried (nothing listens there).
	 */
	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		java.net.http.HttpRequest jdkRequest = toJdk(request);
		for (int attempt = 1;; attempt++) {
			HttpResponse<T> response;
			try {
				response = http.send(jdkRequest, handler);
			}
			catch (HttpTimeoutException ex) {
				throw new TimeoutException(ex);
			}
			catch (IOException ex) {
				if (attempt == 1 && !(ex instanceof ConnectException)) {
					retries.count("connection");
					continue;
				}
				throw new HttpException(0, "The model server cannot be reached: " + ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TimeoutException(ex);
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return response;
			}
			String body = bodyText(response.body());
			if (attempt == 1 && (status == 429 || status >= 500)) {
				retries.count(status == 429 ? "rate_limited" : "server_error");
				pause(retryAfter(response.headers().map()));
				continue;
			}
			throw new HttpException(status, body);
		}
	}

	private Duration retryAfter(Map<String, List<String>> headers) {
		Duration wait = Duration.ofMillis(500);
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase("retry-after") && !header.getValue().isEmpty()) {
				try {
					wait = Duration.ofMillis((long) (Double.parseDouble(header.getValue().get(0).strip()) * 1000));
				}
				catch (NumberFormatException ex) {
					wait = maxRetryWait;
				}
			}
		}
		return wait.compareTo(maxRetryWait) > 0 ? maxRetryWait : wait;
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TimeoutException(ex);
		}
	}

	private static String bodyText(Object body) {
		try {
			if (body instanceof byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8);
			}
			if (body instanceof InputStream in) {
				try (in) {
					return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException ex) {
			return "";
		}
		return "";
	}

	private java.net.http.HttpRequest toJdk(HttpRequest request) {
		java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
			.timeout(responseTimeout);
		request.headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
				values.forEach(value -> builder.header(name, value));
			}
		});
		String body = request.body();
		builder.method(request.method().name(),
				body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		return builder.build();
	}

	/** Closes the stream when no byte arrives for the idle timeout, so a stalled model cannot hold a reply. */
	private static final class IdleTimeoutStream extends FilterInputStream {

		private final Duration idle;

		IdleTimeoutStream(InputStream in, Duration idle) {
			super(in);
			this.idle = idle;
		}

		@Override
		public int read() throws IOException {
			ScheduledFuture<?> watchdog = arm();
			try {
				return super.read();
			}
			finally {
				watchdog.cancel(false);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			ScheduledFuture<?> watchdog = arm();
			try {
				return super.read(buffer, offset, length);
			}
			finally {
				watchdog.cancel(false);
			}
		}

		private ScheduledFuture<?> arm() {
			return WATCHDOG.schedule(() -> {
				try {
					in.close();
				}
				catch (IOException ex) {
					// closing is all we wanted
				}
			}, idle.toMillis(), TimeUnit.MILLISECONDS);
		}

	}

	/** Builds the client with the timeouts LangChain4j's model builders ask for. */
	static final class Builder implements HttpClientBuilder {

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout;

		private final Duration idleTimeout;

		private final Duration maxRetryWait;

		private final Retries retries;

		Builder(Duration readTimeout, Duration idleTimeout, Duration maxRetryWait, Retries retries) {
			this.readTimeout = readTimeout;
			this.idleTimeout = idleTimeout;
			this.maxRetryWait = maxRetryWait;
			this.retries = retries;
		}

		@Override
		public Duration connectTimeout() {
			return connectTimeout;
		}

		@Override
		public HttpClientBuilder connectTimeout(Duration timeout) {
			if (timeout != null) {
				this.connectTimeout = timeout;
			}
			return this;
		}

		@Override
		public Duration readTimeout() {
			return readTimeout;
		}

		@Override
		public HttpClientBuilder readTimeout(Duration timeout) {
			if (timeout != null) {
				this.readTimeout = timeout;
			}
			return this;
		}

		@Override
		public dev.langchain4j.http.client.HttpClient build() {
			return new ModelHttpClient(connectTimeout, readTimeout, idleTimeout, maxRetryWait, retries);
		}

	}

}
