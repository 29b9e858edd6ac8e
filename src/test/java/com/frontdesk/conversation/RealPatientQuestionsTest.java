package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1,212 questions real patients typed to a general-practice clinician (K-QA, MIT licence: colds, infections,
 * medicines, follow-ups), each asked of the spine practice's assistant as a new conversation. Its content covers
 * one procedure, so almost none of them can be answered from it: what matters is that none gets an unrelated
 * passage dressed up as an answer, and that questions about medicines go to the care team.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPatientQuestionsTest {

	/** The dataset README's back and spine questions: by the consultation's ICD-10 label or by their words. */
	private static final Pattern SPINE_LABEL = Pattern.compile("(?i)back|spine|spinal|sciatica|lumbago|radiculopathy|cervical");

	private static final Pattern SPINE_WORDS = Pattern.compile("(?i)\\b(?:dis[ck]s?|sciatica|back pain|radiculopathy|spine|spinal|vertebra\\w*)\\b");

	/** How a reply that gives only the closest passage begins (see {@code Replies.closestTopic}). */
	private static final String HEDGE = "may not answer exactly what you asked";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @param hedged the reply gave the closest passage and said the practice's information may not answer exactly what
	 * was asked
	 */
	record Asked(String question, String label, boolean aboutTreatment, String intent, boolean hedged, int status) {

		boolean answeredPlainly() {
			return "answer".equals(intent) && !hedged;
		}

		boolean aboutTheSpine() {
			return (label != null && SPINE_LABEL.matcher(label).find()) || SPINE_WORDS.matcher(question).find();
		}

	}

	@LocalServerPort
	int port;

	final List<Asked> asked = new ArrayList<>();

	@BeforeAll
	void askEveryQuestion() throws IOException {
		ChatClient client = new ChatClient(port);
		try (InputStream in = getClass().getResourceAsStream("/k-qa/kqa-questions.jsonl")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode record = JSON.readTree(line);
				String question = record.get("question").stringValue();
				boolean treatment = false;
				for (JsonNode tag : record.path("entity_tag")) {
					treatment |= "treatment".equals(tag.stringValue());
				}
				Response reply = client.chat(null, question);
				boolean ok = reply.status() == 200;
				asked.add(new Asked(question, record.path("icd10_diag").stringValue(null), treatment,
						ok ? reply.text("intent") : null, ok && reply.text("reply").contains(HEDGE), reply.status()));
			}
		}
	}

	@Test
	void everyQuestionGetsAReply() {
		assertThat(asked).hasSize(1212);
		assertThat(asked).filteredOn(a -> a.status() != 200).as("questions without a reply").isEmpty();
	}

	@Test
	void questionsAboutMedicinesAndTreatmentsAreNeverAnsweredFromTheProcedurePage() {
		List<Asked> aboutTreatment = asked.stream().filter(Asked::aboutTreatment).toList();
		assertThat(aboutTreatment).hasSizeGreaterThan(500);
		assertThat(aboutTreatment).filteredOn(Asked::answeredPlainly).extracting(Asked::question)
			.as("questions about a medicine or treatment answered with a passage about lateral fusion").isEmpty();
	}

	@Test
	void onlyQuestionsAboutTheSpineAreAnsweredFromTheProcedurePage() {
		assertThat(asked).filteredOn(a -> a.answeredPlainly() && !a.aboutTheSpine()).extracting(Asked::question)
			.as("questions about something else answered with a passage about lateral fusion").isEmpty();
	}

	@Test
	void hardlyAnyQuestionGetsTheClosestPassageWithACaveat() {
		assertThat(asked).filteredOn(a -> "answer".equals(a.intent()) && a.hedged()).extracting(Asked::question)
			// at most 1.25 % (15 of 1,212): a few general-health questions told with the patient's own story are read
			// as candidacy, whose reply is the candidacy passage with the caveat and the consultation (15 since the
			// intents learned from tune-9, which made them 1.2 points better on fresh messages and read 2 more K-QA
			// questions as candidacy; 13 before)
			.as("questions answered with the closest passage and the caveat that it may not answer them (at most 1.25 %)")
			.hasSizeLessThanOrEqualTo(asked.size() / 80);
	}

	@Test
	void mostQuestionsAreHonestlyNotCoveredOrSentToTheCareTeam() {
		long honest = asked.stream().filter(a -> "not_covered".equals(a.intent()) || "needs_clinician".equals(a.intent())).count();
		assertThat(honest).as("not covered or sent to the care team").isGreaterThan(1150);
	}

}
