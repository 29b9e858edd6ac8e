package com.frontdesk.answering.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.frontdesk.answering.Languages;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * Turns a follow-up ("does it leave a scar?") or a question in another language into one standalone English
 * question for retrieval, using the configured model and the conversation so far. Without a model, or when the
 * model fails, the question stays as the patient wrote it.
 */
@Component
public class QueryCondenser {

	private static final String PURPOSE = "condense";

	private static final int MAX_LENGTH = 400;

	private final ObjectProvider<ChatModel> model;

	private final LlmProperties llm;

	private final ModelGate gate;

	QueryCondenser(ObjectProvider<ChatModel> model, LlmProperties llm, ModelGate gate) {
		this.model = model;
		this.llm = llm;
		this.gate = gate;
	}

	/** Whether a model is configured to condense questions (and write answers). */
	public boolean modelConfigured() {
		return llm.enabled();
	}

	/**
	 * @param question the patient's latest message, redacted
	 * @param history earlier exchanges, oldest first, redacted: each the patient's message and the reply
	 * @return the standalone question as the model wrote it; empty when nothing needed rewriting (a first question
	 * in English) or the model could not be used
	 */
	public Optional<String> condense(String question, List<Exchange> history) {
		ChatModel chat = model.getIfAvailable();
		if (chat == null || (history.isEmpty() && Languages.looksEnglish(question)) || !gate.open(PURPOSE)) {
			return Optional.empty();
		}
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(SystemMessage.from(Prompts.CONDENSE));
		StringBuilder conversation = new StringBuilder();
		for (Exchange exchange : history) {
			conversation.append("Patient: ").append(exchange.question()).append('\n')
				.append("Assistant: ").append(shorten(exchange.reply())).append('\n');
		}
		conversation.append("Patient (latest message): ").append(question);
		messages.add(UserMessage.from(conversation.toString()));
		try {
			String standalone = CompletableFuture
				.supplyAsync(() -> chat.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text(),
						command -> Thread.ofVirtual().start(command))
				.get(llm.timeout().toMillis(), TimeUnit.MILLISECONDS);
			gate.succeeded(PURPOSE, "condensed");
			return clean(standalone);
		}
		catch (TimeoutException ex) {
			gate.failed(PURPOSE, "timeout");
		}
		catch (ExecutionException ex) {
			gate.failed(PURPOSE, ex.getCause() == null ? "error" : ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	/**
	 * One earlier exchange of the conversation.
	 * @param question what the patient wrote (redacted)
	 * @param reply what the assistant answered
	 */
	public record Exchange(String question, String reply) {
	}

	private static Optional<String> clean(String standalone) {
		if (standalone == null || standalone.isBlank()) {
			return Optional.empty();
		}
		String line = standalone.strip().lines().findFirst().orElse("").replaceAll("^(?i)(standalone )?question:\\s*", "");
		return line.isBlank() || line.length() > MAX_LENGTH ? Optional.empty() : Optional.of(line);
	}

	private static String shorten(String reply) {
		String flat = reply.replaceAll("\\s+", " ");
		return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
	}

}
