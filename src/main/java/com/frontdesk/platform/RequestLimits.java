package com.frontdesk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.frontdesk.practice.PracticeProfile;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every public endpoint group ({@code frontdesk.limits.endpoints.*}): the body size (413), then the requests
 * per client address and per conversation (429 with {@code Retry-After}). Runs inside the security filter chain,
 * after CORS (so a browser can read the refusal) and before authentication (so guessing admin passwords is counted
 * too). Refusals are counted in {@code frontdesk.limits.rejections}.
 */
@Component
public class RequestLimits extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_KEY_LENGTH = 64;

	private final List<Group> groups;

	private final boolean rateLimiting;

	private final RateLimiter limiter;

	private final PracticeProfile practice;

	private final MeterRegistry metrics;

	RequestLimits(LimitsProperties properties, PracticeProfile practice, MeterRegistry metrics) {
		this.groups = groups(properties.endpoints());
		this.rateLimiting = properties.rateLimiting();
		this.limiter = new RateLimiter(properties.maxTrackedKeys(), System::nanoTime);
		this.practice = practice;
		this.metrics = metrics;
	}

	private static final Set<String> SENDING_GROUPS = Set.of("chat", "callbacks", "feedback");

	private record Group(String name, String prefix, LimitsProperties.Endpoint limits) {

		boolean matches(String path) {
			return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
		}

	}

	private static List<Group> groups(Map<String, LimitsProperties.Endpoint> endpoints) {
		return endpoints.entrySet()
			.stream()
			.flatMap(entry -> entry.getValue().paths().stream().map(path -> new Group(entry.getKey(), path.strip(), entry.getValue())))
			.sorted(Comparator.comparingInt((Group group) -> group.prefix().length()).reversed())
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		Group group = groups.stream().filter(g -> g.matches(path)).findFirst().orElse(null);
		if (group == null) {
			chain.doFilter(request, response);
			return;
		}
		long max = group.limits().maxBody().toBytes();
		if (request.getContentLengthLong() > max) {
			tooLarge(response, group, max);
			return;
		}
		HttpServletRequest checked = request;
		if (hasBody(request)) {
			byte[] body;
			try {
				body = readAtMost(request.getInputStream(), max);
			}
			catch (IOException ex) {
				Problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
						"The request body could not be read."));
				return;
			}
			if (body == null) {
				tooLarge(response, group, max);
				return;
			}
			checked = new CachedBodyRequest(request, body);
		}
		if (rateLimiting && counted(request, group) && !allowed(checked, response, group)) {
			return;
		}
		chain.doFilter(checked, response);
	}

	private boolean allowed(HttpServletRequest request, HttpServletResponse response, Group group) throws IOException {
		Optional<Duration> wait = limiter.acquire("client|" + group.name() + "|" + ClientAddresses.clientOf(request),
				group.limits().perClient());
		String reason = "client";
		if (wait.isEmpty() && !group.limits().perConversation().off() && request instanceof CachedBodyRequest cached) {
			Optional<String> conversation = conversationId(cached.body());
			if (conversation.isPresent()) {
				wait = limiter.acquire("conversation|" + group.name() + "|" + conversation.get(),
						group.limits().perConversation());
				reason = "conversation";
			}
		}
		if (wait.isEmpty()) {
			return true;
		}
		long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
		metrics.counter("frontdesk.limits.rejections", "group", group.name(), "reason", reason).increment();
		ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				"That was a lot of messages in a short time. Please wait " + seconds + (seconds == 1 ? " second" : " seconds")
						+ " and try again, or call " + practice.name() + " at " + practice.phone() + ".");
		problem.setProperty("retryAfter", seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(response, problem);
		return false;
	}

	private void tooLarge(HttpServletResponse response, Group group, long max) throws IOException {
		metrics.counter("frontdesk.limits.rejections", "group", group.name(), "reason", "body").increment();
		ProblemDetail problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request too large",
				"The request body is larger than this endpoint accepts (" + max + " bytes).");
		problem.setProperty("maxBytes", max);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		Problems.write(response, problem);
	}

	/**
	 * Whether the request counts against its group's rate: for the groups patients send things to (chat, callback
	 * requests, feedback) only what they send, not what their page reads (the callback form's texts); every request
	 * elsewhere (history, webhooks, admin).
	 */
	private static boolean counted(HttpServletRequest request, Group group) {
		return hasBody(request) || !SENDING_GROUPS.contains(group.name());
	}

	private static boolean hasBody(HttpServletRequest request) {
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || request.getContentLengthLong() > 0
				|| request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/** The whole body, or null when it is longer than {@code max} bytes. */
	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		return body.length > max ? null : body;
	}

	private static Optional<String> conversationId(byte[] body) {
		if (body.length == 0 || body[0] != '{' && !Character.isWhitespace(body[0])) {
			return Optional.empty();
		}
		try {
			JsonNode id = JSON.readTree(body).get("conversationId");
			return id != null && id.isString() && !id.stringValue().isBlank()
					? Optional.of(truncate(id.stringValue().strip())) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static String truncate(String id) {
		return id.length() > MAX_KEY_LENGTH ? id.substring(0, MAX_KEY_LENGTH) : id;
	}

	/** How many clients and conversations are being counted (bounded by {@code max-tracked-keys}). */
	int trackedKeys() {
		return limiter.size();
	}

}
