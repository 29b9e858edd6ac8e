package com.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageOutcome;
import com.frontdesk.triage.TriageResult;

/**
 * Triage quality on the labelled sets (tune-a to tune-i: the examples of {@code triage/examples/}, tuned on; heldout,
 * in {@code src/test/resources/triage/}: written first and never tuned on), and false alarms on the 1,212 real K-QA questions. Run with
 * {@code ./mvnw -q -B test -Dtest=TriageBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dtriage.sets=tune-a,tune-b,tune-c,tune-d,tune-e,tune-f,tune-g,tune-h,tune-i,heldout-9]
 * [-Dtriage.details=true]}.
 */
public class TriageBenchmark {

	record Labelled(String label, String concept, String message) {
	}

	final Triage triage = new Triage();

	@Test
	void report() throws IOException {
		boolean details = Boolean.getBoolean("triage.details");
		for (String set : System.getProperty("triage.sets", "tune-a,tune-b,tune-c,tune-d,tune-e,tune-f,tune-g,tune-h,tune-i,tune-j,tune-k,tune-l,tune-m,tune-n,tune-o,tune-p,tune-q,tune-r,tune-s,tune-t,tune-u,tune-v,tune-w").split(",")) {
			report(set, labelled(set).stream().map(f -> new Labelled(f[0], f[1], f[2])).toList(), details);
		}
		realPatients(details);
		timing();
	}

	/** K-QA: every question is asked; the ones labelled by hand as emergencies are not false alarms. */
	private void realPatients(boolean details) throws IOException {
		java.util.Set<Integer> emergencies = new java.util.HashSet<>();
		try (InputStream in = getClass().getResourceAsStream("/k-qa/kqa-emergencies.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					emergencies.add(Integer.parseInt(line.split("\t")[0]));
				}
			}
		}
		int alarms = 0;
		int caught = 0;
		int number = 0;
		List<String> shown = new ArrayList<>();
		for (String question : KqaQuestions.all()) {
			number++;
			TriageResult result = triage.assess(question);
			if (emergencies.contains(number)) {
				caught += result.urgent() ? 1 : 0;
			}
			else if (result.urgent()) {
				alarms++;
				shown.add("K-QA FALSE-ALARM " + number + " -> " + result.rule() + ": " + question);
			}
		}
		System.out.printf("== K-QA (%d real patient questions, %d labelled emergencies)%n", number, emergencies.size());
		System.out.printf("  emergencies caught   %d / %d%n", caught, emergencies.size());
		System.out.printf("  false alarms         %d / %d%n", alarms, number - emergencies.size());
		if (details) {
			shown.forEach(s -> System.out.println("    " + s));
		}
	}

	/**
	 * Triage time per message: a 1,000-character message, 20,000 times after 5,000 of warm-up, on the wall clock and
	 * as the calling thread's CPU time.
	 */
	private void timing() {
		String message = ("I had my lateral fusion two weeks ago and I wanted to ask about the follow-up visit and the "
				+ "paperwork for my employer, the insurance asked for a form. My back is sore but better every day, "
				+ "I walk twice a day. No fever, the incision looks clean and dry. ").repeat(4).substring(0, 1000);
		for (int i = 0; i < 5_000; i++) {
			triage.assess(message);
		}
		long[] nanos = sortedTimes(message, System::nanoTime);
		System.out.printf("== triage time, 1,000-character message: p50 %.3f ms, p99 %.3f ms, max %.3f ms (load average %.1f)%n",
				nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		// the calling thread's CPU time: what triage costs, without the time the thread waits for a core
		long[] cpu = sortedTimes(message, java.lang.management.ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
		System.out.printf("== triage CPU time, the same message: p50 %.3f ms, p99 %.3f ms%n", cpu[cpu.length / 2] / 1e6,
				cpu[cpu.length * 99 / 100] / 1e6);
	}

	/** 20,000 calls of triage on the message, each timed with this clock (nanoseconds), sorted. */
	private long[] sortedTimes(String message, java.util.function.LongSupplier clock) {
		long[] times = new long[20_000];
		for (int i = 0; i < times.length; i++) {
			long start = clock.getAsLong();
			triage.assess(message);
			times[i] = clock.getAsLong() - start;
		}
		java.util.Arrays.sort(times);
		return times;
	}

	private void report(String set, List<Labelled> messages, boolean details) {
		Map<String, int[]> perConcept = new TreeMap<>();
		int falseAlarms = 0;
		int others = 0;
		int clinicianRight = 0;
		int clinicianAll = 0;
		int clinicianOver = 0;
		List<String> shown = new ArrayList<>();
		for (Labelled m : messages) {
			TriageResult result = triage.assess(m.message());
			boolean alarm = result.urgent();
			switch (m.label()) {
				case "emergency", "self_harm" -> {
					int[] counts = perConcept.computeIfAbsent(m.concept(), c -> new int[2]);
					counts[1]++;
					boolean right = m.label().equals("self_harm") ? result.outcome() == TriageOutcome.SELF_HARM : alarm;
					if (right) {
						counts[0]++;
					}
					else {
						shown.add("MISSED " + m.concept() + " -> " + result.outcome() + "/" + result.rule() + ": " + m.message());
					}
				}
				case "needs_clinician" -> {
					clinicianAll++;
					if (result.outcome() == TriageOutcome.NEEDS_CLINICIAN) {
						clinicianRight++;
					}
					else {
						shown.add("NOT-CLINICIAN " + m.concept() + " -> " + result.outcome() + "/" + result.rule() + ": " + m.message());
					}
					if (alarm) {
						falseAlarms++;
					}
				}
				default -> {
					others++;
					if (alarm) {
						falseAlarms++;
						shown.add("FALSE-ALARM -> " + result.rule() + ": " + m.message());
					}
					if (result.outcome() == TriageOutcome.NEEDS_CLINICIAN) {
						clinicianOver++;
						shown.add("OVER-CLINICIAN -> " + result.rule() + ": " + m.message());
					}
				}
			}
		}
		System.out.println("== " + set + " (" + messages.size() + " messages)");
		int caught = 0;
		int all = 0;
		for (Map.Entry<String, int[]> e : perConcept.entrySet()) {
			System.out.printf("  %-20s %3d / %3d  %5.1f %%%n", e.getKey(), e.getValue()[0], e.getValue()[1],
					100.0 * e.getValue()[0] / e.getValue()[1]);
			caught += e.getValue()[0];
			all += e.getValue()[1];
		}
		System.out.printf("  sensitivity          %3d / %3d  %5.1f %%%n", caught, all, 100.0 * caught / all);
		System.out.printf("  false alarms         %3d / %3d  %5.1f %% (of the non-emergencies)%n", falseAlarms,
				others + clinicianAll, 100.0 * falseAlarms / (others + clinicianAll));
		System.out.printf("  needs_clinician      %3d / %3d  %5.1f %%, given to %d of %d others%n", clinicianRight,
				clinicianAll, 100.0 * clinicianRight / clinicianAll, clinicianOver, others);
		if (details) {
			shown.forEach(line -> System.out.println("    " + line));
		}
	}

	/**
	 * A labelled set, {@code label<TAB>concept<TAB>message} a line: the examples the net uses
	 * ({@code triage/examples/}, tuned on) or a held-out set of {@code src/test/resources/triage/}.
	 */
	public static List<String[]> labelled(String set) throws IOException {
		InputStream found = TriageBenchmark.class.getResourceAsStream("/triage/examples/" + set + ".tsv");
		try (InputStream in = found != null ? found : TriageBenchmark.class.getResourceAsStream("/triage/" + set + ".tsv")) {
			List<String[]> messages = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String[] fields = line.split("\t", 3);
				if (fields.length == 3) {
					messages.add(fields);
				}
			}
			return messages;
		}
	}

}
