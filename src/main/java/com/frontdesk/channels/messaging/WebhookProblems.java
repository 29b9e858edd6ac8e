package com.frontdesk.channels.messaging;

import static com.frontdesk.platform.Problems.problem;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns rejected webhook requests into RFC 9457 problems and counts them ({@code frontdesk.webhook.rejections} by
 * channel and reason: {@code unsigned}, {@code signature}, {@code challenge}, {@code malformed}). Logs say why, never
 * what the request contained.
 */
@RestControllerAdvice
class WebhookProblems {

	private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

	private static final Set<String> CHANNELS = Set.of("whatsapp", "messenger", "telegram", "sms");

	private final MeterRegistry metrics;

	WebhookProblems(MeterRegistry metrics) {
		this.metrics = metrics;
	}

	/** {@code frontdesk.webhook.rejections}: webhook requests refused, by channel and reason. */
	private void rejected(HttpServletRequest request, String reason) {
		String[] segments = request.getRequestURI().split("/");
		String channel = segments.length > 2 ? segments[2] : "";
		metrics.counter("frontdesk.webhook.rejections", "channel", CHANNELS.contains(channel) ? channel : "other", "reason",
				reason).increment();
	}

	@ExceptionHandler(ChannelDisabled.class)
	ProblemDetail disabled(ChannelDisabled ex) {
		return problem(HttpStatus.NOT_FOUND, "channel-disabled", "Channel not enabled", ex.getMessage());
	}

	@ExceptionHandler(UnsignedWebhook.class)
	ProblemDetail unsigned(UnsignedWebhook ex, HttpServletRequest request) {
		rejected(request, "unsigned");
		log.warn("Rejected webhook: {}", ex.getMessage());
		return problem(HttpStatus.UNAUTHORIZED, "webhook-unsigned", "Webhook not signed", ex.getMessage());
	}

	@ExceptionHandler(BadWebhookSignature.class)
	ProblemDetail badSignature(BadWebhookSignature ex, HttpServletRequest request) {
		rejected(request, "signature");
		log.warn("Rejected webhook: {}", ex.getMessage());
		return problem(HttpStatus.FORBIDDEN, "webhook-signature", "Webhook signature does not match", ex.getMessage());
	}

	@ExceptionHandler(InvalidChallenge.class)
	ProblemDetail invalidChallenge(InvalidChallenge ex, HttpServletRequest request) {
		rejected(request, "challenge");
		log.warn("Rejected subscription handshake: {}", ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "webhook-challenge", "Invalid subscription challenge", ex.getMessage());
	}

	@ExceptionHandler(MalformedWebhook.class)
	ProblemDetail malformed(MalformedWebhook ex, HttpServletRequest request) {
		rejected(request, "malformed");
		log.warn("Rejected malformed webhook body: {}", ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "webhook-malformed", "Malformed webhook body", ex.getMessage());
	}

}
