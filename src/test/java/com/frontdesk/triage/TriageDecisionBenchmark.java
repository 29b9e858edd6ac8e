package com.frontdesk.triage;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.bench.KqaQuestions;
import com.frontdesk.bench.TriageBenchmark;
import com.frontdesk.retrieval.Retriever;

/**
 * Triage's whole decision on a labelled set, as a chat turn makes it: the rules, their review by the learned score,
 * then the score, the descriptions and the nearest examples for a message the rules leave without an alarm. Prints
 * what is caught per concept, the false alarms, and the K-QA questions sent to 911. Run with {@code ./mvnw -q -B test
 * -Dtest=TriageDecisionBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtriage.sets=heldout-19}
 * ({@code -Dtriage.details=true} lists the misses and false alarms: tune sets only).
 */
@SpringBootTest
class TriageDecisionBenchmark {

	@Autowired
	Triage triage;

	@Autowired
	SafetyNet net;

	@Autowired
	Retriever retriever;

	@Autowired
	Redactor redactor;

	@Test
	void measure() throws IOException {
		for (String set : System.getProperty("triage.sets", String.join(",", RedFlagModelBenchmark.UNTUNED_BY_RULES)).split(",")) {
			if (set.isBlank()) {
				continue;
			}
			measure(set, TriageBenchmark.labelled(set));
		}
		int sent = 0;
		int sentOdd = 0;
		int line = 0;
		for (String question : KqaQuestions.all()) {
			line++;
			if (line == 725) {
				continue;
			}
			boolean alarm = decide(question).urgent();
			sent += alarm ? 1 : 0;
			sentOdd += alarm && line % 2 == 1 ? 1 : 0;
		}
		System.out.printf("== k-qa: %d of 1,211 sent to 911 (%d of the 605 odd lines, which are not examples)%n", sent,
				sentOdd);
		for (String file : OrdinaryChat.UNLEARNED) {
			List<String> messages = OrdinaryChat.unlearned(file);
			List<TriageResult> decisions = messages.stream().map(this::decide).toList();
			long alarms = decisions.stream().filter(TriageResult::urgent).count();
			System.out.printf("== ordinary chat %s: %d of %d sent to 911%n", file, alarms, messages.size());
			List<RedFlagModel.Score> notSent = new java.util.ArrayList<>();
			for (int i = 0; i < messages.size(); i++) {
				if (!decisions.get(i).urgent()) {
					notSent.add(net.model().score(messages.get(i),
							retriever.questionVector(redactor.searchable(messages.get(i)), "")));
				}
			}
			for (double t : new double[] { 0.2, 0.3, 0.4, 0.5 }) {
				long selfHarm = notSent.stream().filter(score -> score != null && score.selfHarm() >= t).count();
				System.out.printf("   not sent, with a chance of self-harm of %.1f or more: %d%n", t, selfHarm);
			}
			if (Boolean.getBoolean("triage.details")) {
				for (int i = 0; i < messages.size(); i++) {
					if (decisions.get(i).urgent()) {
						System.out.printf("    ORDINARY-ALARM %s: %s%n", decisions.get(i).rule(), messages.get(i));
					}
				}
			}
		}
		timing();
	}

	/**
	 * The whole decision's time for a 1,000-character message with no red flag (the rules, the score's review, the
	 * score, the descriptions and the nearest examples), 20,000 times after 5,000 of warm-up, as the calling thread's
	 * CPU time and on the wall clock; and the time of its parts. The question's vector is retrieval's, computed once
	 * before, as in a chat turn.
	 */
	private void timing() {
		String message = ("I had my lateral fusion two weeks ago and I wanted to ask about the follow-up visit and the "
				+ "paperwork for my employer, the insurance asked for a form. My back is sore but better every day, "
				+ "I walk twice a day. No fever, the incision looks clean and dry. ").repeat(4).substring(0, 1000);
		float[] vector = retriever.questionVector(redactor.searchable(message), "");
		TriageResult rules = triage.assess(message);
		time("decision", () -> decide(message, vector));
		time("rules", () -> triage.assess(message));
		time("score", () -> net.model().score(message, vector));
		time("net after the rules", () -> net.check(net.reading(message, vector), rules));
	}

	private static void time(String part, Runnable call) {
		for (int i = 0; i < 5_000; i++) {
			call.run();
		}
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long[] cpu = new long[20_000];
		long[] wall = new long[cpu.length];
		for (int i = 0; i < cpu.length; i++) {
			long startCpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			call.run();
			wall[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
		}
		java.util.Arrays.sort(cpu);
		java.util.Arrays.sort(wall);
		System.out.printf("== %s time, 1,000-character message: CPU p50 %.3f ms, p99 %.3f ms; wall p50 %.3f ms, p99 %.3f ms"
				+ " (load average %.1f)%n", part, cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 99 / 100] / 1e6,
				wall[wall.length / 2] / 1e6, wall[wall.length * 99 / 100] / 1e6,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private TriageResult decide(String message) {
		return decide(message, retriever.questionVector(redactor.searchable(message), ""));
	}

	private TriageResult decide(String message, float[] vector) {
		TriageResult rules = triage.assess(message);
		SafetyNet.Reading reading = net.reading(message, vector);
		TriageResult reviewed = net.review(reading, rules);
		if (reviewed.urgent()) {
			return reviewed;
		}
		TriageResult raised = net.check(reading, reviewed);
		return raised.urgent() ? raised : reviewed;
	}

	private void measure(String set, List<String[]> lines) {
		Map<String, int[]> perConcept = new TreeMap<>();
		int others = 0;
		int alarms = 0;
		int clinician = 0;
		int clinicianRight = 0;
		int anyAlarm = 0;
		int toCareTeam = 0;
		boolean details = Boolean.getBoolean("triage.details");
		for (String[] f : lines) {
			TriageResult result = decide(f[2]);
			boolean emergency = f[0].equals("emergency") || f[0].equals("self_harm");
			if (emergency) {
				int[] counts = perConcept.computeIfAbsent(f[1], c -> new int[2]);
				counts[0]++;
				boolean caught = f[0].equals("self_harm") ? result.outcome() == TriageOutcome.SELF_HARM : result.urgent();
				counts[1] += caught ? 1 : 0;
				anyAlarm += result.urgent() ? 1 : 0;
				if (details && !caught) {
					System.out.printf("    MISSED %s -> %s/%s: %s%n", f[1], result.outcome(), result.rule(), f[2]);
				}
			}
			else if (f[0].equals("needs_clinician")) {
				clinician++;
				clinicianRight += result.outcome() == TriageOutcome.NEEDS_CLINICIAN ? 1 : 0;
				if (details && result.outcome() != TriageOutcome.NEEDS_CLINICIAN) {
					System.out.printf("    NOT-TO-CARE-TEAM %s -> %s/%s: %s%n", f[1], result.outcome(), result.rule(), f[2]);
				}
				alarms += result.urgent() ? 1 : 0;
				others++;
			}
			else {
				others++;
				alarms += result.urgent() ? 1 : 0;
				toCareTeam += result.outcome() == TriageOutcome.NEEDS_CLINICIAN ? 1 : 0;
				if (details && result.urgent()) {
					System.out.printf("    FALSE-ALARM -> %s: %s%n", result.rule(), f[2]);
				}
				if (details && result.outcome() == TriageOutcome.NEEDS_CLINICIAN) {
					System.out.printf("    TO-CARE-TEAM -> %s: %s%n", result.rule(), f[2]);
				}
			}
		}
		int emergencies = perConcept.values().stream().mapToInt(c -> c[0]).sum();
		int caught = perConcept.values().stream().mapToInt(c -> c[1]).sum();
		System.out.printf("== %s (%d messages)%n", set, lines.size());
		perConcept.forEach((concept, c) -> System.out.printf("  %-20s %3d / %3d%n", concept, c[1], c[0]));
		System.out.printf("  caught (self-harm with the crisis line) %d / %d (%.1f %%); any alarm %d / %d (%.1f %%)%n", caught,
				emergencies, 100.0 * caught / emergencies, anyAlarm, emergencies, 100.0 * anyAlarm / emergencies);
		System.out.printf("  false alarms %d / %d (%.1f %%); needs_clinician %d / %d; others sent to the care team %d / %d%n",
				alarms, others, 100.0 * alarms / Math.max(1, others), clinicianRight, clinician, toCareTeam,
				others - clinician);
	}

}
