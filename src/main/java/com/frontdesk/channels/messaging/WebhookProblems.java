package com.frontdesk.channels.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.frontdesk.platform.Problems;

/** Turns rejected webhook requests into RFC 9457 problems. Logs say why, never what the request contained. */
@RestControllerAdvice
class WebhookProblems {

	private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

	@ExceptionHandler(ChannelDisabled.class)
	ProblemDetail disabled(ChannelDisabled ex) {
		return problem(HttpStatus.NOT_FOUND, "channel-disabled", "Channel not enabled", ex.getMessage());
	}

	@ExceptionHandler(UnsignedWebhook.class)
	ProblemDetail unsigned(UnsignedWebhook ex) {
		log.warn("Rejected webhook: {}", ex.getMessage());
		return problem(HttpStatus.UNAUTHORIZED, "webhook-unsigned", "Webhook not signed", ex.getMessage());
	}

	@ExceptionHandler(BadWebhookSignature.class)
	ProblemDetail badSignature(BadWebhookSignature ex) {
		log.warn("Rejected webhook: {}", ex.getMessage());
		return problem(HttpStatus.FORBIDDEN, "webhook-signature", "Webhook signature does not match", ex.getMessage());
	}

	@ExceptionHandler(MalformedWebhook.class)
	ProblemDetail malformed(MalformedWebhook ex) {
		log.warn("Rejected malformed webhook body: {}", ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "webhook-malformed", "Malformed webhook body", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.problem(status, type, title, detail);
	}

}
