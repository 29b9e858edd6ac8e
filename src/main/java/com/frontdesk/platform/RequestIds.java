package com.frontdesk.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.frontdesk.platform.logging.LogMasking;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is safe (letters, digits, {@code . _ : -}, at
 * most 64, nothing that looks like personal data), a new one otherwise. The id is in the logging MDC for every log
 * line of the request, in the response header and in problem bodies. Work handed to other threads carries it along
 * ({@link #carry(Runnable)}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	/** The MDC key, and the property of problem bodies. */
	public static final String PROPERTY = "requestId";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known
				: accepted(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		MDC.put(PROPERTY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(PROPERTY);
		}
	}

	/**
	 * The id of a request the servlet container answers itself (a malformed request line, headers too large), which
	 * may never have reached this filter: the id it was given, or a new one, sent back in the header.
	 */
	static String ofContainerError(HttpServletRequest request, HttpServletResponse response) {
		String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		return id;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static Optional<String> accepted(String header) {
		if (header == null) {
			return Optional.empty();
		}
		String id = header.strip();
		return SAFE.matcher(id).matches() && LogMasking.mask(id).equals(id) ? Optional.of(id) : Optional.empty();
	}

	/** The id of the request this thread works for, if any. */
	public static Optional<String> current() {
		return Optional.ofNullable(MDC.get(PROPERTY));
	}

	/**
	 * The task with this thread's logging context, for running on another thread; with a new request id when this
	 * thread has none (work that did not start with a request, such as messages resumed after a restart).
	 */
	public static Runnable carryOrNew(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		Map<String, String> withId = context == null ? new HashMap<>() : new HashMap<>(context);
		withId.putIfAbsent(PROPERTY, UUID.randomUUID().toString());
		return withContext(withId, task);
	}

	/** The task with this thread's logging context (request id), for running on another thread. */
	public static Runnable carry(Runnable task) {
		return withContext(MDC.getCopyOfContextMap(), task);
	}

	private static Runnable withContext(Map<String, String> context, Runnable task) {
		return () -> {
			Map<String, String> before = MDC.getCopyOfContextMap();
			replace(context);
			try {
				task.run();
			}
			finally {
				replace(before);
			}
		};
	}

	private static void replace(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

}
