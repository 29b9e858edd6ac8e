package com.frontdesk.answering.llm;

/** Which language model service writes answers; {@code NONE} keeps the embedded answerer. */
public enum LlmProvider {

	NONE(null, null),

	/** OpenAI or any OpenAI-compatible server (Azure OpenAI's compatible endpoint, vLLM, llama.cpp, LM Studio). */
	OPENAI("https://api.openai.com/v1", "gpt-4o-mini"),

	OLLAMA("http://localhost:11434", "llama3.1"),

	ANTHROPIC("https://api.anthropic.com/v1", "claude-3-5-haiku-latest");

	private final String defaultBaseUrl;

	private final String defaultModel;

	LlmProvider(String defaultBaseUrl, String defaultModel) {
		this.defaultBaseUrl = defaultBaseUrl;
		this.defaultModel = defaultModel;
	}

	String defaultBaseUrl() {
		return defaultBaseUrl;
	}

	String defaultModel() {
		return defaultModel;
	}

	boolean needsApiKey() {
		return this == OPENAI || this == ANTHROPIC;
	}

}
