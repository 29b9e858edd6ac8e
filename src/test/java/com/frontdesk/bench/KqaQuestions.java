package com.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** The 1,212 real patient questions of K-QA ({@code src/test/resources/k-qa/}), in their order (number 1 first). */
public final class KqaQuestions {

	private KqaQuestions() {
	}

	public static List<String> all() throws IOException {
		List<String> questions = new ArrayList<>();
		try (InputStream in = KqaQuestions.class.getResourceAsStream("/k-qa/kqa-questions.jsonl")) {
			JsonMapper json = JsonMapper.builder().build();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					questions.add(json.readTree(line).get("question").stringValue());
				}
			}
		}
		return questions;
	}

}
