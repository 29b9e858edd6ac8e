package com.frontdesk.answering.llm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model that writes answers ({@code FRONTDESK_LLM_PROVIDER}, {@code FRONTDESK_LLM_BASE_URL}, ...).
 *
 * @param provider {@code none} (embedded answers), {@code openai}, {@code ollama} or {@code anthropic}
 * @param baseUrl the provider's API base URL; each provider's public URL by default
 * @param apiKey the API key (OpenAI, Anthropic; optional for OpenAI-compatible local servers)
 * @param model the model name; a sensible default per provider
 * @param temperature sampling temperature (low: answers stay close to the passages)
 * @param maxTokens longest answer the model may write
 * @param timeout longest a whole answer may take
 * @param firstTokenTimeout longest to wait for the first words of a streamed answer (and for any further bytes)
 * @param maxRetryWait a 429 or 5xx is retried once, waiting for {@code Retry-After} but never longer than this
 * @param breakerFailures consecutive failures that open the circuit breaker
 * @param breakerOpenFor how long an open breaker sends every answer to the embedded answerer
 */
@ConfigurationProperties("frontdesk.llm")
public record LlmProperties(@DefaultValue("none") LlmProvider provider, String baseUrl, String apiKey, String model,
		@DefaultValue("0.1") double temperature, @DefaultValue("500") int maxTokens,
		@DefaultValue("30s") Duration timeout, @DefaultValue("10s") Duration firstTokenTimeout,
		@DefaultValue("5s") Duration maxRetryWait, @DefaultValue("3") int breakerFailures,
		@DefaultValue("30s") Duration breakerOpenFor) {

	public boolean enabled() {
		return provider != LlmProvider.NONE;
	}

	String effectiveBaseUrl() {
		String url = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : baseUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	String effectiveModel() {
		return model == null || model.isBlank() ? provider.defaultModel() : model.strip();
	}

	boolean hasApiKey() {
		return apiKey != null && !apiKey.isBlank();
	}

}
