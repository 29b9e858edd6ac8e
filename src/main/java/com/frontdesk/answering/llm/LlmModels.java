package com.frontdesk.answering.llm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * LangChain4j's models as beans, for the configured provider only ({@code frontdesk.llm.provider} other than
 * {@code none}). Retries are ours (one, honouring Retry-After, in {@link ModelHttpClient}), never the library's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${frontdesk.llm.provider:none}'.equalsIgnoreCase('none')")
class LlmModels {

	/** OpenAI-compatible local servers need no key, but the client insists on one. */
	private static final String NO_KEY = "not-needed";

	@Bean
	ChatModel chatModel(LlmProperties llm, MeterRegistry metrics) {
		return switch (llm.provider()) {
			case OPENAI -> OpenAiChatModel.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key(llm))
				.modelName(llm.effectiveModel()).temperature(llm.temperature()).maxTokens(llm.maxTokens())
				.timeout(llm.timeout()).maxRetries(0).httpClientBuilder(http(llm, metrics)).build();
			case OLLAMA -> OllamaChatModel.builder().baseUrl(llm.effectiveBaseUrl()).modelName(llm.effectiveModel())
				.temperature(llm.temperature()).numPredict(llm.maxTokens()).timeout(llm.timeout()).maxRetries(0)
				.httpClientBuilder(http(llm, metrics)).build();
			case ANTHROPIC -> AnthropicChatModel.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key(llm))
				.modelName(llm.effectiveModel()).temperature(llm.temperature()).maxTokens(llm.maxTokens())
				.timeout(llm.timeout()).maxRetries(0).httpClientBuilder(http(llm, metrics)).build();
			case NONE -> throw new IllegalStateException("No language model is configured");
		};
	}

	@Bean
	StreamingChatModel streamingChatModel(LlmProperties llm, MeterRegistry metrics) {
		return switch (llm.provider()) {
			case OPENAI -> OpenAiStreamingChatModel.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key(llm))
				.modelName(llm.effectiveModel()).temperature(llm.temperature()).maxTokens(llm.maxTokens())
				.timeout(llm.timeout()).httpClientBuilder(http(llm, metrics)).build();
			case OLLAMA -> OllamaStreamingChatModel.builder().baseUrl(llm.effectiveBaseUrl())
				.modelName(llm.effectiveModel()).temperature(llm.temperature()).numPredict(llm.maxTokens())
				.timeout(llm.timeout()).httpClientBuilder(http(llm, metrics)).build();
			case ANTHROPIC -> AnthropicStreamingChatModel.builder().baseUrl(llm.effectiveBaseUrl()).apiKey(key(llm))
				.modelName(llm.effectiveModel()).temperature(llm.temperature()).maxTokens(llm.maxTokens())
				.timeout(llm.timeout()).httpClientBuilder(http(llm, metrics)).build();
			case NONE -> throw new IllegalStateException("No language model is configured");
		};
	}

	private static String key(LlmProperties llm) {
		return llm.hasApiKey() ? llm.apiKey().strip() : NO_KEY;
	}

	private static ModelHttpClient.Builder http(LlmProperties llm, MeterRegistry metrics) {
		return new ModelHttpClient.Builder(llm.timeout(), llm.firstTokenTimeout(), llm.maxRetryWait(),
				new ModelHttpClient.Retries(metrics, llm.provider().name().toLowerCase()));
	}

}
