package com.frontdesk.answering.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the configured model can be used, checked once at start-up and shown in health ({@code llm}). A missing
 * key or an unreachable server is reported clearly; the service keeps answering with the embedded answerer, so the
 * overall health stays up.
 */
@Component("llmHealthIndicator")
class LlmStatus implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(LlmStatus.class);

	private final LlmProperties llm;

	private volatile String state;

	private volatile String problem;

	LlmStatus(LlmProperties llm) {
		this.llm = llm;
		if (!llm.enabled()) {
			state = "off";
		}
		else if (llm.provider().needsApiKey() && !llm.hasApiKey()
				&& llm.effectiveBaseUrl().equals(llm.provider().defaultBaseUrl())) {
			state = "misconfigured";
			problem = "frontdesk.llm.api-key (FRONTDESK_LLM_API_KEY) is missing for " + llm.provider().name().toLowerCase();
		}
		else {
			state = "checking";
		}
	}

	/** False when the model cannot be used at all (a key is missing): every answer is embedded. */
	boolean usable() {
		return llm.enabled() && !"misconfigured".equals(state);
	}

	@EventListener(ApplicationReadyEvent.class)
	void checkAtStartUp() {
		if ("misconfigured".equals(state)) {
			log.error("Language model not used: {}. Answers come from the embedded answerer.", problem);
			return;
		}
		if (llm.enabled()) {
			Thread.ofVirtual().name("llm-check").start(this::probe);
		}
	}

	private void probe() {
		String url = switch (llm.provider()) {
			case OLLAMA -> llm.effectiveBaseUrl() + "/api/tags";
			default -> llm.effectiveBaseUrl() + "/models";
		};
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
			if (llm.hasApiKey()) {
				request.header("Authorization", "Bearer " + llm.apiKey().strip())
					.header("x-api-key", llm.apiKey().strip())
					.header("anthropic-version", "2023-06-01");
			}
			HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
				.send(request.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() == 401 || response.statusCode() == 403) {
				report("rejected", "the model server refused the API key (HTTP " + response.statusCode() + ")");
			}
			else {
				state = "reachable";
				problem = null;
				log.info("Language model {} at {} is reachable", llm.effectiveModel(), llm.effectiveBaseUrl());
			}
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			report("unreachable", "cannot reach " + llm.effectiveBaseUrl() + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private void report(String newState, String why) {
		state = newState;
		problem = why;
		log.error("Language model problem: {}. Answers fall back to the embedded answerer while it lasts.", why);
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up().withDetail("provider", llm.provider().name().toLowerCase())
			.withDetail("state", state);
		if (llm.enabled()) {
			health.withDetail("model", llm.effectiveModel()).withDetail("baseUrl", llm.effectiveBaseUrl());
		}
		if (problem != null) {
			health.withDetail("problem", problem).withDetail("fallback", "embedded answers");
		}
		return health.build();
	}

}
