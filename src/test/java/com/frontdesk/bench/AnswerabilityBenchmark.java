package com.frontdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.frontdesk.answering.Citation;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.Intent;
import com.frontdesk.conversation.IntentClassifier;
import com.frontdesk.conversation.TurnPipeline;

/**
 * Answerability on the labelled sets: {@code tune} to {@code tune-7}
 * ({@code retrieval/questions/}, the examples the decision compares with; the default) and the held-out sets of
 * {@code src/test/resources/answerability/} (written by writers who saw no code, never tuned on). Each line is {@code label, message, style}; the label is
 * the page section that answers the message, {@code practice_info} (the practice profile answers it) or
 * {@code not_covered}. A {@code followup} message carries the earlier message first, separated by {@code " || "}; both
 * are sent in one conversation. Every message goes through the real turn pipeline on the embedded default (real
 * index over {@code knowledge/}).
 *
 * <p>Scored: an answerable message is <em>right</em> when its reply cites the labelled section (a question about the
 * whole procedure may cite any of its steps; a booking question may be answered by the booking reply); it is
 * <em>wrongly not covered</em> when the reply says the page does not cover it. A not-covered message is right when
 * the reply says so (or hands over to booking or the team); it is <em>answered anyway</em> when the reply quotes a
 * passage. The embedded answerer only quotes the page, so no figure is invented by construction; an answer to a
 * not-covered question is still a wrong answer.
 *
 * <pre>./mvnw -q -B test -Dtest=AnswerabilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Danswerability.sets=tune,tune-2,tune-3,tune-4,tune-5,tune-6,tune-7] [-Danswerability.details=true]</pre>
 *
 * Use {@code details} on the tune set only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "frontdesk.retrieval.answerability.enabled=${answerability.enabled:true}")
class AnswerabilityBenchmark {

	static final Set<String> PROCEDURE_STEPS = Set.of("Positioning on the operating table", "The small incision in your side",
			"Removing the disc", "The implant and bone graft", "Pedicle screws and rods");

	record Labelled(String label, String message, String style) {
	}

	enum Verdict {

		RIGHT, RIGHT_WITH_CAVEAT, WRONG_SECTION, WRONGLY_NOT_COVERED, ANSWERED_ANYWAY, OTHER

	}

	@Autowired
	TurnPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	com.frontdesk.practice.Practices practices;

	@Autowired
	IntentClassifier intents;

	@Test
	void report() throws IOException {
		boolean details = Boolean.getBoolean("answerability.details");
		for (String set : System.getProperty("answerability.sets", "tune,tune-2,tune-3,tune-4,tune-5,tune-6,tune-7,tune-8,tune-9,tune-10,tune-11").split(",")) {
			report(set, labelled(set), details);
		}
	}

	static List<Labelled> labelled(String set) throws IOException {
		List<Labelled> rows = new ArrayList<>();
		try (InputStream in = AnswerabilityBenchmark.class.getResourceAsStream((set.startsWith("tune") ? "/retrieval/questions/" : "/answerability/") + set + ".tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String[] f = line.split("\t");
				if (f.length >= 2) {
					rows.add(new Labelled(f[0].strip(), f[1].strip(), f.length > 2 ? f[2].strip() : ""));
				}
			}
		}
		return rows;
	}

	private void report(String set, List<Labelled> rows, boolean details) {
		Map<Verdict, Integer> answerable = new TreeMap<>();
		Map<Verdict, Integer> notCovered = new TreeMap<>();
		Map<String, int[]> byStyle = new TreeMap<>();
		Map<String, int[]> byLabel = new TreeMap<>();
		List<String> shown = new ArrayList<>();
		int answerableCount = 0;
		int emergencies = 0;
		// Spanish messages apart: answerable right, answerable, not covered right, not covered
		int[] spanish = new int[4];
		for (Labelled row : rows) {
			ChatReply reply = ask(row.message());
			Verdict verdict = verdict(row, reply);
			boolean isAnswerable = !row.label().equals("not_covered");
			(isAnswerable ? answerable : notCovered).merge(verdict, 1, Integer::sum);
			answerableCount += isAnswerable ? 1 : 0;
			emergencies += reply.intent() == Intent.EMERGENCY ? 1 : 0;
			int[] style = byStyle.computeIfAbsent(row.style(), s -> new int[2]);
			boolean right = verdict == Verdict.RIGHT || verdict == Verdict.RIGHT_WITH_CAVEAT;
			style[0] += right ? 1 : 0;
			style[1]++;
			if (row.style().equals("spanish")) {
				spanish[isAnswerable ? 0 : 2] += right ? 1 : 0;
				spanish[isAnswerable ? 1 : 3]++;
			}
			int[] label = byLabel.computeIfAbsent(row.label(), s -> new int[2]);
			label[0] += right ? 1 : 0;
			label[1]++;
			if (verdict != Verdict.RIGHT) {
				shown.add(verdict + " [" + row.label() + "] " + row.message() + " -> " + reply.intent().value() + " ("
						+ intents.recognise(lastPart(row.message())).label() + ") "
						+ reply.citations().stream().map(Citation::section).toList());
			}
		}
		int notCoveredCount = rows.size() - answerableCount;
		System.out.printf("== answerability, %s (%d answerable, %d not covered)%n", set, answerableCount, notCoveredCount);
		System.out.printf("  answerable answered from the right passage  %s%n", share(rightOf(answerable), answerableCount));
		System.out.printf("  ... of them with the caveat (closest topic)  %s%n", share(answerable.get(Verdict.RIGHT_WITH_CAVEAT), answerableCount));
		System.out.printf("  answerable said to be not covered           %s%n", share(answerable.get(Verdict.WRONGLY_NOT_COVERED), answerableCount));
		System.out.printf("  answerable, another passage cited           %s%n", share(answerable.get(Verdict.WRONG_SECTION), answerableCount));
		System.out.printf("  answerable, other reply                     %s%n", share(answerable.get(Verdict.OTHER), answerableCount));
		System.out.printf("  not covered said to be not covered          %s%n", share(rightOf(notCovered), notCoveredCount));
		System.out.printf("  ... of them with the closest passage         %s%n", share(notCovered.get(Verdict.RIGHT_WITH_CAVEAT), notCoveredCount));
		System.out.printf("  not covered answered with a passage         %s%n", share(notCovered.get(Verdict.ANSWERED_ANYWAY), notCoveredCount));
		System.out.printf("  not covered, other reply                    %s%n", share(notCovered.get(Verdict.OTHER), notCoveredCount));
		System.out.printf("  sent to 911 (no message is an emergency)    %d%n", emergencies);
		if (spanish[1] + spanish[3] > 0) {
			System.out.printf("  Spanish: answerable from the right passage  %s%n", share(spanish[0], spanish[1]));
			System.out.printf("  Spanish: not covered said to be not covered %s%n", share(spanish[2], spanish[3]));
		}
		if (details) {
			byLabel.forEach((label, n) -> System.out.printf("    label %-45s %d / %d%n", label, n[0], n[1]));
			byStyle.forEach((style, n) -> System.out.printf("    style %-20s %d / %d%n", style, n[0], n[1]));
			shown.forEach(s -> System.out.println("    " + s));
		}
	}

	private static String lastPart(String message) {
		String[] parts = message.split("\\s*\\|\\|\\s*");
		return parts[parts.length - 1];
	}

	private ChatReply ask(String message) {
		String[] parts = message.split("\\s*\\|\\|\\s*");
		ChatReply reply = null;
		String conversation = null;
		for (String part : parts) {
			reply = pipeline.handle(new com.frontdesk.conversation.TurnRequest(practices.defaultPractice(),
					com.frontdesk.conversation.Channel.WEB, conversation, part));
			conversation = reply.conversationId();
		}
		return reply;
	}

	static Verdict verdict(Labelled row, ChatReply reply) {
		// a sub-section is cited with its path ("How the procedure works > Scars"): the last part names it
		List<String> sections = reply.citations().stream().map(Citation::section)
			.map(section -> section.substring(section.lastIndexOf(" > ") < 0 ? 0 : section.lastIndexOf(" > ") + 3))
			.toList();
		boolean quotes = !sections.isEmpty();
		return switch (row.label()) {
			case "not_covered" -> reply.intent() == Intent.ANSWER && quotes
					? caveat(reply) ? Verdict.RIGHT_WITH_CAVEAT : Verdict.ANSWERED_ANYWAY
					: reply.intent() == Intent.EMERGENCY ? Verdict.OTHER : Verdict.RIGHT;
			case "practice_info" -> reply.intent() == Intent.NOT_COVERED ? Verdict.WRONGLY_NOT_COVERED
					: profileAnswer(reply.reply()) ? Verdict.RIGHT : Verdict.OTHER;
			default -> {
				if (reply.intent() == Intent.NOT_COVERED) {
					yield Verdict.WRONGLY_NOT_COVERED;
				}
				if (sections.contains(row.label())
						|| row.label().equals("How the procedure works") && sections.stream().anyMatch(PROCEDURE_STEPS::contains)
						|| row.label().equals("Booking a consultation") && reply.intent() == Intent.BOOKING) {
					yield caveat(reply) ? Verdict.RIGHT_WITH_CAVEAT : Verdict.RIGHT;
				}
				yield quotes ? Verdict.WRONG_SECTION : Verdict.OTHER;
			}
		};
	}

	/** The reply gives the closest passage and says the page may not answer exactly that. */
	private static boolean caveat(ChatReply reply) {
		return reply.reply().contains("may not answer exactly") || reply.reply().contains("no responda exactamente");
	}

	/** The practice profile's facts as the sample profile states them. */
	private static boolean profileAnswer(String text) {
		return text.contains("555-0100") || text.contains("Sample Street") || text.contains("example.com/book")
				|| text.matches("(?s).*\\b(?:8|08):00\\b.*") || text.matches("(?s).*\\b(?:Monday|Saturday|Sunday)\\b.*");
	}

	private static int rightOf(Map<Verdict, Integer> verdicts) {
		return verdicts.getOrDefault(Verdict.RIGHT, 0) + verdicts.getOrDefault(Verdict.RIGHT_WITH_CAVEAT, 0);
	}

	static String share(Integer count, int of) {
		int n = count == null ? 0 : count;
		return String.format("%3d / %3d = %5.1f %%", n, of, of == 0 ? 0 : 100.0 * n / of);
	}

}
