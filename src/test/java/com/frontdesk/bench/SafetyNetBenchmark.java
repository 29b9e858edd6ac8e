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
import com.frontdesk.triage.TriageProperties;
import com.frontdesk.triage.TriageResult;

/**
 * Calibrates and measures the safety net on the labelled triage sets and on K-QA. For every message the rules leave
 * without an alarm: the closest red-flag description (used when the rules read no red flag as negated or past) and
 * the margin of the nearest labelled emergencies over the nearest look-alikes ({@code triage/examples/}), the
 * message itself left out of the examples, so that the examples' own sets are scored as if they were new. Prints what
 * the net adds at the configured settings, and a sweep of the example margin. Run with {@code ./mvnw -q -B test
 * -Dtest=SafetyNetBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dtriage.sets=tune-a,tune-b,tune-c,tune-d,tune-e,tune-f,tune-g,tune-h,tune-i,heldout-9]}.
 */
@SpringBootTest
class SafetyNetBenchmark {

	record Scored(boolean emergency, boolean mentioned, String message, double cosine, double margin, String concept) {
	}

	@Autowired
	Triage triage;

	@Autowired
	SafetyNet net;

	@Autowired
	Retriever retriever;

	@Autowired
	Redactor redactor;

	@Autowired
	TriageProperties properties;

	@Test
	void calibrate() throws IOException {
		for (String set : System.getProperty("triage.sets", "tune-a,tune-b,tune-c,tune-d,tune-e,tune-f,tune-g,tune-h,tune-i,tune-j,tune-k,tune-l,tune-m,tune-n,tune-o,tune-p,tune-q,tune-r,tune-s,tune-t,tune-u,tune-v,tune-w").split(",")) {
			measure(set, TriageBenchmark.labelled(set));
		}
		measure("k-qa (all but line 725; the even lines are examples, each left out in turn)", kqa(-1));
		measure("k-qa, odd lines (not among the examples)", kqa(0));
	}

	private void measure(String set, List<String[]> lines) {
		List<Scored> scored = new ArrayList<>();
		int emergencies = 0;
		int caughtByRules = 0;
		int others = 0;
		int alarmsByRules = 0;
		for (String[] f : lines) {
			boolean emergency = f[0].equals("emergency") || f[0].equals("self_harm");
			TriageResult rules = triage.assess(f[2]);
			emergencies += emergency ? 1 : 0;
			others += emergency ? 0 : 1;
			if (rules.urgent()) {
				caughtByRules += emergency ? 1 : 0;
				alarmsByRules += emergency ? 0 : 1;
				continue;
			}
			if (rules.outcome() == TriageOutcome.MANIPULATION) {
				continue;
			}
			float[] vector = retriever.questionVector(redactor.searchable(f[2]), "");
			if (vector == null) {
				continue;
			}
			SafetyNet.Closest closest = net.closest(vector);
			SafetyNet.Closest examples = net.nearestExamples(vector, f[2]);
			scored.add(new Scored(emergency, rules.redFlagMentioned(), f[2],
					rules.redFlagMentioned() ? -1 : closest.cosine(), examples.cosine(), examples.concept()));
		}
		TriageProperties.SafetyNetSettings settings = properties.safetyNet();
		System.out.printf("== %s: rules catch %d / %d, false alarms %d / %d%n", set, caughtByRules, emergencies,
				alarmsByRules, others);
		System.out.printf("  net at %.2f / margin %.2f (self-harm %.2f): %s%n", settings.threshold(),
				settings.exampleMargin(), settings.selfHarmMargin(),
				added(scored, settings.threshold(), settings.exampleMargin(), settings.selfHarmMargin()));
		System.out.printf("  descriptions only (%.2f): %s%n", settings.threshold(), added(scored, settings.threshold(), 9));
		for (double m = 0.06; m <= 0.201; m += 0.02) {
			System.out.printf("  margin %.2f: %s%n", m, added(scored, settings.threshold(), m));
		}
		for (double m = 0.0; m <= 0.121; m += 0.02) {
			System.out.printf("  self-harm margin %.2f (others %.2f): %s%n", m, settings.exampleMargin(),
					added(scored, settings.threshold(), settings.exampleMargin(), m));
		}
		if (Boolean.getBoolean("triage.details")) {
			scored.stream()
				.filter(s -> s.margin() >= settings.marginFor(s.concept()) || s.cosine() >= settings.threshold())
				.forEach(s -> System.out.printf("    %s %.3f %.3f %s: %s%n", s.emergency() ? "caught" : "ALARM ",
						s.cosine(), s.margin(), s.concept(), s.message()));
		}
	}

	private static String added(List<Scored> scored, double threshold, double margin) {
		return added(scored, threshold, margin, margin);
	}

	/** What the net adds when a message nearest to the self-harm examples needs only {@code selfHarmMargin}. */
	private static String added(List<Scored> scored, double threshold, double margin, double selfHarmMargin) {
		long caught = 0;
		long alarms = 0;
		long caughtMentioned = 0;
		long alarmsMentioned = 0;
		for (Scored s : scored) {
			if (s.cosine() >= threshold || s.margin() >= ("self-harm".equals(s.concept()) ? selfHarmMargin : margin)) {
				caught += s.emergency() ? 1 : 0;
				alarms += s.emergency() ? 0 : 1;
				caughtMentioned += s.emergency() && s.mentioned() ? 1 : 0;
				alarmsMentioned += !s.emergency() && s.mentioned() ? 1 : 0;
			}
		}
		return String.format("+%d emergencies (%d read as negated/past by the rules), +%d false alarms (%d)", caught,
				caughtMentioned, alarms, alarmsMentioned);
	}

	/**
	 * K-QA's real questions as labelled lines, all non-emergencies but line 725. parity -1: all; 0: the odd lines
	 * (1-based), which are not among the examples.
	 */
	private static List<String[]> kqa(int parity) throws IOException {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		List<String[]> lines = new ArrayList<>();
		try (InputStream in = SafetyNetBenchmark.class.getResourceAsStream("/k-qa/kqa-questions.jsonl")) {
			List<String> all = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
				.toList();
			for (int i = 0; i < all.size(); i++) {
				if (i == 724 || (parity >= 0 && i % 2 != parity)) {
					continue;
				}
				lines.add(new String[] { "other", "none", json.readTree(all.get(i)).get("question").stringValue() });
			}
		}
		return lines;
	}

}
