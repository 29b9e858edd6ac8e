package com.frontdesk.answering.llm;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Everything every model call goes through: whether the model may be called at all (configured, key present,
 * circuit breaker closed), and the counting of calls, failures and fallbacks (metrics and logs, without patient
 * data).
 */
@Component
class ModelGate {

	private static final Logger log = LoggerFactory.getLogger(ModelGate.class);

	private final LlmStatus status;

	private final CircuitBreaker breaker;

	private final MeterRegistry metrics;

	private final String provider;

	ModelGate(LlmProperties llm, LlmStatus status, MeterRegistry metrics, Clock clock) {
		this.status = status;
		this.breaker = new CircuitBreaker(llm.breakerFailures(), llm.breakerOpenFor(), clock);
		this.metrics = metrics;
		this.provider = llm.provider().name().toLowerCase();
	}

	/** Whether a call may go to the model now; counts a fallback when not. */
	boolean open(String purpose) {
		if (!status.usable()) {
			return false;
		}
		if (!breaker.allow()) {
			fallback(purpose, "circuit open");
			return false;
		}
		return true;
	}

	void succeeded(String purpose, String outcome) {
		breaker.success();
		metrics.counter("frontdesk.llm.calls", "provider", provider, "purpose", purpose, "outcome", outcome).increment();
	}

	/** The model failed (error, timeout): counts against the breaker. */
	void failed(String purpose, String reason) {
		breaker.failure();
		metrics.counter("frontdesk.llm.calls", "provider", provider, "purpose", purpose, "outcome", "failed").increment();
		fallback(purpose, reason);
	}

	/** The model answered, but its answer cannot be used (guard): the model is fine, the answer is replaced. */
	void rejected(String purpose, String reason) {
		breaker.success();
		metrics.counter("frontdesk.llm.calls", "provider", provider, "purpose", purpose, "outcome", "rejected").increment();
		fallback(purpose, reason);
	}

	private void fallback(String purpose, String reason) {
		metrics.counter("frontdesk.llm.fallbacks", "purpose", purpose, "reason", reason).increment();
		log.warn("Model {} not used for {}: {}; embedded answer instead", provider, purpose, reason);
	}

	CircuitBreaker.State breakerState() {
		return breaker.state();
	}

}
