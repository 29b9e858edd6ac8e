package com.frontdesk.triage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.frontdesk.bench.KqaQuestions;
import com.frontdesk.learning.LinearModelTraining;
import com.frontdesk.retrieval.Retriever;

/**
 * Calibrates the learned red-flag score by leaving each tune set out in turn: the model is learned from the other
 * sets (and the K-QA half), then scores the set left out, which was written by another writer, as a new set would
 * be. Prints, for a range of thresholds, what the score catches alone and what it adds to the rules and the example
 * net (the net also with the whole set left out), with the false alarms on the look-alikes and on the K-QA questions
 * that are not examples. Run with {@code ./mvnw -q -B test -Dtest=RedFlagModelBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dmodel.l2=1e-4 -Dmodel.epochs=20 -Dmodel.dense=1.0 -Dmodel.rate=0.5]}.
 */
@SpringBootTest
class RedFlagModelBenchmark {

	/**
	 * The tune sets the rules were never tuned on, {@code tune-h} and every later one of {@link ExampleBank#FILES}: only
	 * they give an honest figure for the rules.
	 */
	static final Set<String> UNTUNED_BY_RULES = untunedByRules();

	private static Set<String> untunedByRules() {
		java.util.LinkedHashSet<String> sets = new java.util.LinkedHashSet<>();
		ExampleBank.FILES.stream()
			.filter(file -> file.matches("tune-[h-z]\\.tsv"))
			.forEach(file -> sets.add(file.substring(0, file.length() - ".tsv".length())));
		return java.util.Collections.unmodifiableSequencedSet(sets);
	}

	record Scored(ExampleBank.Example example, boolean rules, boolean net, RedFlagModel.Score model, double margin,
			TriageOutcome byRules) {
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
		LinearModelTraining.Settings settings = new LinearModelTraining.Settings(
				Integer.getInteger("model.epochs", 20), Double.parseDouble(System.getProperty("model.rate", "0.5")),
				Double.parseDouble(System.getProperty("model.l2", "1e-4")),
				Float.parseFloat(System.getProperty("model.dense", "1.0")));
		ExampleBank bank = net.exampleBank();
		List<String> classes = RedFlagModelTraining.classes(bank.examples());
		Set<String> careTeam = RedFlagModelTraining.careTeam(bank.examples());
		Set<String> sets = new LinkedHashSet<>();
		bank.examples().stream().map(ExampleBank.Example::set).filter(s -> s.startsWith("tune")).forEach(sets::add);
		List<LinearModelTraining.Sample> ordinary = Boolean.parseBoolean(System.getProperty("model.ordinary", "true"))
				? OrdinaryChat.samples(retriever, redactor) : List.of();
		List<Scored> scored = new ArrayList<>();
		for (String set : sets) {
			RedFlagModel model = RedFlagModelTraining.fit(
					with(RedFlagModelTraining.samples(bank, classes, e -> !e.set().equals(set)), ordinary), classes,
					careTeam, settings, 0);
			for (int i = 0; i < bank.examples().size(); i++) {
				ExampleBank.Example example = bank.examples().get(i);
				if (!example.set().equals(set)) {
					continue;
				}
				TriageResult rules = triage.assess(example.message());
				boolean netAlarm = false;
				double margin = -1;
				if (bank.vector(i) != null) {
					ExampleBank.Nearest nearest = bank.nearestWithout(bank.vector(i), SafetyNet.NEIGHBOURS,
							e -> e.set().equals(set));
					margin = nearest.margin();
					netAlarm = !rules.urgent() && nearest.margin() >= properties.safetyNet().marginFor(nearest.concept());
				}
				scored.add(new Scored(example, rules.urgent(), netAlarm, scoreOf(model, example.message(), bank.vector(i)),
						margin, rules.outcome()));
			}
			System.out.printf("left out %s%n", set);
		}
		RedFlagModel all = RedFlagModelTraining.fit(
				with(RedFlagModelTraining.samples(bank, classes, e -> true), ordinary), classes, careTeam, settings, 0);
		List<RedFlagModel.Score> kqa = new ArrayList<>();
		List<String> questions = kqaOddLines();
		for (String question : questions) {
			kqa.add(scoreOf(all, question, retriever.questionVector(redactor.searchable(question), "")));
		}
		report(settings, scored, kqa);
		// ordinary chat that is no example of either model: the scored fresh sets of intents and answerability
		for (String file : List.of("/intents/heldout-4.tsv", "/answerability/heldout-5.tsv", "/answerability/heldout.tsv")) {
			List<String> messages = OrdinaryChat.unlearned(file);
			List<RedFlagModel.Score> scores = messages.stream()
				.map(m -> scoreOf(all, m, retriever.questionVector(redactor.searchable(m), "")))
				.toList();
			long raised = scores.stream().filter(score -> score.emergency() >= properties.safetyNet().scoreAt()).count();
			System.out.printf("== ordinary chat %s: %d of %d score %.2f or more%n", file, raised, messages.size(),
					properties.safetyNet().scoreAt());
			for (double t : new double[] { 0.4, 0.5, 0.6, 0.7, 0.8 }) {
				long care = scores.stream().filter(score -> score.careTeam() >= t && score.careTeam() > score.emergency())
					.count();
				System.out.printf("   care team score %.2f or more: %d%n", t, care);
			}
		}
	}

	private static List<LinearModelTraining.Sample> with(List<LinearModelTraining.Sample> examples,
			List<LinearModelTraining.Sample> ordinary) {
		List<LinearModelTraining.Sample> all = new ArrayList<>(examples);
		all.addAll(ordinary);
		return all;
	}

	private static void report(LinearModelTraining.Settings settings, List<Scored> scored,
			List<RedFlagModel.Score> kqa) {
		long emergencies = scored.stream().filter(s -> s.example().emergency()).count();
		long others = scored.size() - emergencies;
		long selfHarm = scored.stream().filter(s -> Concept.SELF_HARM.equals(s.example().kind())).count();
		long byRulesAndNet = scored.stream().filter(s -> s.example().emergency() && (s.rules() || s.net())).count();
		long alarmsRulesAndNet = scored.stream().filter(s -> !s.example().emergency() && (s.rules() || s.net())).count();
		System.out.printf("== %s: %d emergencies (%d self-harm), %d others; rules+net (set left out) %d caught, %d false alarms%n",
				settings, emergencies, selfHarm, others, byRulesAndNet, alarmsRulesAndNet);
		for (double t : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95 }) {
			long alone = scored.stream().filter(s -> s.example().emergency() && s.model().emergency() >= t).count();
			long aloneSelfHarm = scored.stream()
				.filter(s -> Concept.SELF_HARM.equals(s.example().kind()) && s.model().emergency() >= t)
				.count();
			long rightConcept = scored.stream()
				.filter(s -> s.example().emergency() && s.model().emergency() >= t
						&& s.model().concept().equals(s.example().kind()))
				.count();
			long aloneFalse = scored.stream().filter(s -> !s.example().emergency() && s.model().emergency() >= t).count();
			long added = scored.stream()
				.filter(s -> s.example().emergency() && !s.rules() && !s.net() && s.model().emergency() >= t)
				.count();
			long addedFalse = scored.stream()
				.filter(s -> !s.example().emergency() && !s.rules() && !s.net() && s.model().emergency() >= t)
				.count();
			long kqaFalse = kqa.stream().filter(s -> s.emergency() >= t).count();
			System.out.printf(
					"  at %.2f: alone %d/%d (%.1f%%, concept right %d), self-harm %d/%d, false %d/%d (%.1f%%) | adds %d caught, %d false | k-qa odd %d/%d%n",
					t, alone, emergencies, 100.0 * alone / emergencies, rightConcept, aloneSelfHarm, selfHarm,
					aloneFalse, others, 100.0 * aloneFalse / others, added, addedFalse, kqaFalse, kqa.size());
		}
		for (double low : new double[] { 0.02, 0.05, 0.1, 0.2, 0.3 }) {
			long lost = scored.stream().filter(s -> s.example().emergency() && s.rules() && s.model().emergency() < low).count();
			long lostAll = scored.stream().filter(s -> s.example().emergency() && s.model().emergency() < low).count();
			long below = scored.stream().filter(s -> !s.example().emergency() && s.model().emergency() < low).count();
			long kqaBelow = kqa.stream().filter(s -> s.emergency() < low).count();
			System.out.printf("  below %.2f: %d emergencies the rules catch (%d of all), %d of %d others, k-qa %d/%d%n", low,
					lost, lostAll, below, others, kqaBelow, kqa.size());
		}
		for (boolean withNet : new boolean[] { true, false }) {
			for (double raise : new double[] { 0.4, 0.5, 0.6, 0.7, 1.01 }) {
				for (double clear : new double[] { 0, 0.02, 0.05, 0.1 }) {
					System.out.printf("  policy raise %.2f clear %.2f net %s: %s | all %s%n", raise, clear,
							withNet ? "on " : "off", policy(scored, raise, clear, withNet, UNTUNED_BY_RULES),
							policy(scored, raise, clear, withNet, null));
				}
			}
		}
		for (double selfHarmAt : new double[] { 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 2 }) {
			System.out.printf("  self-harm from %.2f, raise 0.50 clear 0.10 net on: %s | all %s%n", selfHarmAt,
					policy(scored, 0.5, 0.1, true, UNTUNED_BY_RULES,
							selfHarmAt),
					policy(scored, 0.5, 0.1, true, null, selfHarmAt));
		}
		for (double aloneAt : new double[] { 0.6, 0.7, 0.8, 0.9, 2 }) {
			System.out.printf("  raise from %.2f whatever the nearest examples, self-harm from 0.40: %s | all %s%n", aloneAt,
					policy(scored, 0.5, 0.1, true, UNTUNED_BY_RULES, 0.4, aloneAt),
					policy(scored, 0.5, 0.1, true, null, 0.4, aloneAt));
		}
		for (boolean keep : new boolean[] { false, true }) {
			System.out.printf("  the rules' self-harm %s by the score, shipped otherwise: %s | all %s%n",
					keep ? "never cleared" : "cleared as the rest", policy(scored, 0.5, 0.1, true, UNTUNED_BY_RULES, 0.4, 0.8, keep),
					policy(scored, 0.5, 0.1, true, null, 0.4, 0.8, keep));
		}
		careTeam(scored, UNTUNED_BY_RULES);
		if (Boolean.getBoolean("model.details")) {
			for (Scored s : scored) {
				if (s.example().emergency() != s.model().emergency() >= 0.5) {
					System.out.printf("    %s %.2f %s <- %s: %s%n", s.example().emergency() ? "MISSED" : "FALSE",
							s.model().emergency(), s.model().concept(), s.example().kind(), s.example().message());
				}
			}
		}
	}

	/** What a policy catches and raises: an alarm at {@code raise}, and the rules' or net's alarm unless below {@code clear}. */
	private static String policy(List<Scored> scored, double raise, double clear, boolean withNet, Set<String> sets) {
		return policy(scored, raise, clear, withNet, sets, 2);
	}

	/** The same, and an alarm whenever the chance of thoughts of self-harm is at least {@code selfHarmAt}. */
	private static String policy(List<Scored> scored, double raise, double clear, boolean withNet, Set<String> sets,
			double selfHarmAt) {
		return policy(scored, raise, clear, withNet, sets, selfHarmAt, 2);
	}

	/** The same, and an alarm whenever the score is at least {@code aloneAt}, whatever the nearest examples. */
	private static String policy(List<Scored> scored, double raise, double clear, boolean withNet, Set<String> sets,
			double selfHarmAt, double aloneAt) {
		return policy(scored, raise, clear, withNet, sets, selfHarmAt, aloneAt, false);
	}

	/** The same, and the rules' thoughts of self-harm kept whatever the score when {@code keepSelfHarm}. */
	private static String policy(List<Scored> scored, double raise, double clear, boolean withNet, Set<String> sets,
			double selfHarmAt, double aloneAt, boolean keepSelfHarm) {
		long emergencies = 0;
		long caught = 0;
		long selfHarm = 0;
		long selfHarmCaught = 0;
		long others = 0;
		long alarms = 0;
		for (Scored s : scored) {
			if (sets != null && !sets.contains(s.example().set())) {
				continue;
			}
			double p = s.model().emergency();
			boolean alarm = p >= raise && s.margin() > 0 || (s.rules() || withNet && s.net()) && p >= clear
					|| s.model().selfHarm() >= selfHarmAt || p >= aloneAt
					|| keepSelfHarm && s.byRules() == TriageOutcome.SELF_HARM;
			if (s.example().emergency()) {
				emergencies++;
				caught += alarm ? 1 : 0;
				if (Concept.SELF_HARM.equals(s.example().kind())) {
					selfHarm++;
					selfHarmCaught += alarm ? 1 : 0;
				}
			}
			else {
				others++;
				alarms += alarm ? 1 : 0;
			}
		}
		return String.format("caught %d/%d (%.1f%%), self-harm %d/%d, false %d/%d (%.1f%%)", caught, emergencies,
				100.0 * caught / emergencies, selfHarmCaught, selfHarm, alarms, others, 100.0 * alarms / others);
	}

	/**
	 * What the care team's score adds to the rules' questions for the care team: of the examples that are such
	 * questions, how many go to the care team (by the rules, or by the score of a message the rules cleared), and how
	 * many look-alikes and emergencies the score sends there.
	 */
	private static void careTeam(List<Scored> scored, Set<String> sets) {
		List<Scored> in = scored.stream().filter(s -> sets.contains(s.example().set())).toList();
		long questions = in.stream().filter(s -> s.example().careTeam()).count();
		long byRules = in.stream().filter(s -> s.example().careTeam() && s.byRules() == TriageOutcome.NEEDS_CLINICIAN).count();
		long others = in.stream().filter(s -> !s.example().careTeam() && !s.example().emergency()).count();
		long othersByRules = in.stream()
			.filter(s -> !s.example().careTeam() && !s.example().emergency() && s.byRules() == TriageOutcome.NEEDS_CLINICIAN)
			.count();
		System.out.printf("== care team (%s): %d questions, the rules %d; others the rules send %d/%d%n", sets, questions,
				byRules, othersByRules, others);
		for (double t : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 }) {
			java.util.function.Predicate<Scored> byScore = s -> s.byRules() == TriageOutcome.CLEAR
					&& s.model().careTeam() >= t && s.model().careTeam() > s.model().emergency();
			long caught = in.stream().filter(s -> s.example().careTeam() && (s.byRules() == TriageOutcome.NEEDS_CLINICIAN
					|| byScore.test(s))).count();
			long othersAdded = in.stream().filter(s -> !s.example().careTeam() && !s.example().emergency() && byScore.test(s))
				.count();
			long emergenciesAdded = in.stream().filter(s -> s.example().emergency() && byScore.test(s)).count();
			System.out.printf("  at %.2f: %d/%d (%.1f%%) to the care team; adds %d others, %d emergencies%n", t, caught,
					questions, 100.0 * caught / questions, othersAdded, emergenciesAdded);
		}
		if (Boolean.getBoolean("model.careDetails")) {
			in.stream().filter(s -> !s.example().emergency() && s.byRules() == TriageOutcome.NEEDS_CLINICIAN
					&& s.model().careTeam() < 0.05).forEach(s -> System.out.printf("    CLEARED %s %.3f: %s%n",
							s.example().careTeam() ? "QUESTION" : "other", s.model().careTeam(), s.example().message()));
		}
		for (double low : new double[] { 0.02, 0.05, 0.1, 0.2, 0.3 }) {
			java.util.function.Predicate<Scored> cleared = s -> s.byRules() == TriageOutcome.NEEDS_CLINICIAN
					&& s.model().careTeam() < low;
			System.out.printf("  the rules' care team under %.2f: %d questions, %d others%n", low,
					in.stream().filter(s -> s.example().careTeam() && cleared.test(s)).count(),
					in.stream().filter(s -> !s.example().careTeam() && !s.example().emergency() && cleared.test(s)).count());
		}
	}

	/** The score, nought for a message too short to be scored. */
	private static RedFlagModel.Score scoreOf(RedFlagModel model, String message, float[] vector) {
		RedFlagModel.Score score = model.score(message, vector);
		return score != null ? score : new RedFlagModel.Score(0, RedFlagModel.NONE);
	}

	/** The K-QA questions on the odd lines, which are not among the examples, without the emergency on line 725. */
	private static List<String> kqaOddLines() throws IOException {
		List<String> all = KqaQuestions.all();
		List<String> odd = new ArrayList<>();
		for (int line = 1; line <= all.size(); line += 2) {
			if (line != 725) {
				odd.add(all.get(line - 1));
			}
		}
		return odd;
	}

}
