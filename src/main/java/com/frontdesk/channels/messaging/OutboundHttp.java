package com.frontdesk.channels.messaging;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP client the channels send with: short timeouts, and every failure turned into a {@link SendFailed}. */
public final class OutboundHttp {

	/** How long one send request may take. */
	public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private OutboundHttp() {
	}

	/**
	 * Sends the request and returns the response when its status is 2xx.
	 * @throws SendFailed for any other status or a network failure
	 */
	public static HttpResponse<String> send(HttpRequest request) {
		HttpResponse<String> response = exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw SendFailed.forStatus(response.statusCode(), retryAfter(response));
		}
		return response;
	}

	/** Sends the request and returns the response whatever its status; network failures are retryable. */
	public static HttpResponse<String> exchange(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SendFailed("network: " + ex.getClass().getSimpleName(), true, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SendFailed("interrupted", false, null);
		}
	}

	/** The {@code Retry-After} header in seconds, if present. */
	public static Duration retryAfter(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Retry-After")
			.filter(value -> value.strip().matches("\\d{1,6}"))
			.map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
			.orElse(null);
	}

}
