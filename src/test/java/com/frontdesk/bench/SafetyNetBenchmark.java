package com.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.retrieval.Retriever;
import com.frontdesk.triage.Redactor;
import com.frontdesk.triage.SafetyNet;
import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageOutcome;
import com.frontdesk.triage.TriageResult;

/**
 * Calibrates and measures the safety net on the labelled triage sets: for each message the rules leave clear (and in
 * which they understood no red flag as negated or hypothetical), the closest red-flag description's cosine to the
 * vector retrieval computes for the message. Prints, for each threshold, the emergencies it adds and the false alarms
 * it adds. Run with {@code ./mvnw -q -B test -Dtest=SafetyNetBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dtriage.sets=tune-a,tune-b]}.
 */
@SpringBootTest
class SafetyNetBenchmark {

	record Scored(String label, String message, double cosine, String concept) {
	}

	@Autowired
	Triage triage;

	@Autowired
	SafetyNet net;

	@Autowired
	Retriever retriever;

	@Autowired
	Redactor redactor;

	@Test
	void calibrate() throws IOException {
		for (String set : System.getProperty("triage.sets", "tune-a,tune-b").split(",")) {
			List<Scored> scored = new ArrayList<>();
			int emergencies = 0;
			int caughtByRules = 0;
			int others = 0;
			int alarmsByRules = 0;
			for (String line : read("/triage/" + set + ".tsv")) {
				String[] f = line.split("\t", 3);
				boolean emergency = f[0].equals("emergency") || f[0].equals("self_harm");
				TriageResult rules = triage.assess(f[2]);
				emergencies += emergency ? 1 : 0;
				others += emergency ? 0 : 1;
				if (rules.urgent()) {
					caughtByRules += emergency ? 1 : 0;
					alarmsByRules += emergency ? 0 : 1;
					continue;
				}
				if (rules.redFlagMentioned() || rules.outcome() == TriageOutcome.MANIPULATION) {
					continue;
				}
				SafetyNet.Closest closest = net.closest(retriever.questionVector(redactor.searchable(f[2]), ""));
				scored.add(new Scored(emergency ? "emergency" : "other", f[2], closest.cosine(), closest.concept()));
			}
			System.out.printf("== %s: rules catch %d / %d, false alarms %d / %d%n", set, caughtByRules, emergencies,
					alarmsByRules, others);
			for (double t = 0.50; t <= 0.901; t += 0.02) {
				double threshold = t;
				long added = scored.stream().filter(s -> s.label().equals("emergency") && s.cosine() >= threshold).count();
				long falseAlarms = scored.stream().filter(s -> s.label().equals("other") && s.cosine() >= threshold).count();
				System.out.printf("  threshold %.2f: +%d emergencies, +%d false alarms%n", t, added, falseAlarms);
			}
			if (Boolean.getBoolean("triage.details")) {
				scored.stream().sorted((a, b) -> Double.compare(b.cosine(), a.cosine())).limit(25)
					.forEach(s -> System.out.printf("    %.3f %s %s: %s%n", s.cosine(), s.label(), s.concept(), s.message()));
			}
		}
	}

	/** K-QA's real questions: how many the net would send to 911 at each threshold (none is an emergency but one). */
	@Test
	void realPatients() throws IOException {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		List<Double> cosines = new ArrayList<>();
		for (String line : read("/k-qa/kqa-questions.jsonl")) {
			String question = json.readTree(line).get("question").stringValue();
			TriageResult rules = triage.assess(question);
			if (rules.clear() && !rules.redFlagMentioned()) {
				cosines.add(net.closest(retriever.questionVector(redactor.searchable(question), "")).cosine());
			}
		}
		System.out.println("== K-QA: questions the rules leave clear: " + cosines.size());
		for (double t = 0.60; t <= 0.801; t += 0.02) {
			double threshold = t;
			System.out.printf("  threshold %.2f: %d sent to 911 by the net%n", t,
					cosines.stream().filter(c -> c >= threshold).count());
		}
	}

	private static List<String> read(String resource) throws IOException {
		try (InputStream in = SafetyNetBenchmark.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
		}
	}

}
