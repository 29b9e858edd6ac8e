package com.frontdesk.answering.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/** The system prompts, kept as resource files under {@code prompts/}. */
final class Prompts {

	static final String ANSWER = read("prompts/answer-system.txt");

	static final String CONDENSE = read("prompts/condense-system.txt");

	private Prompts() {
	}

	/** The answer prompt's rules, without the passages: what the output guard must never see repeated. */
	static String answerRules() {
		return ANSWER.substring(0, ANSWER.indexOf("Passages:"));
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing prompt " + resource, ex);
		}
	}

}
