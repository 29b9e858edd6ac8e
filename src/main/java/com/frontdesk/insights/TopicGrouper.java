package com.frontdesk.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.retrieval.KnowledgeUnavailable;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.retrieval.TextAnalysis;
import com.frontdesk.triage.Redactor;

/**
 * Groups questions by what they are about, with Frontdesk's own text analysis: each question's topical terms
 * (stemmed, lay words mapped to the content's words, everyday words left out), from its text with personal data
 * removed. Greedily, the term shared by the most remaining questions, weighted by how rare it is in the knowledge
 * (a word the content never uses says most about a gap; "lateral fusion" says little), makes a topic of the
 * questions that have it, until every question has a topic. Each question is in exactly one topic.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@Component
class TopicGrouper {

	static final int EXAMPLES = 3;

	static final int RELATED_WORDS = 3;

	private static final int MAX_EXAMPLE_LENGTH = 200;

	/** Words this common in the knowledge ("lateral", "fusion") say nothing about a gap: never a related word. */
	private static final double MIN_RELATED_RARITY = 1.0;

	private final TextAnalysis analysis;

	private final Retriever retriever;

	private final Redactor redactor;

	TopicGrouper(TextAnalysis analysis, Retriever retriever, Redactor redactor) {
		this.analysis = analysis;
		this.retriever = retriever;
		this.redactor = redactor;
	}

	/**
	 * The topics of the questions, the most asked first. The questions come newest first.
	 * @param practice whose questions they are: a word's rarity is measured in that practice's knowledge
	 */
	List<GapTopic> group(PracticeId practice, List<GapQuestion> questions) {
		List<Analysed> remaining = new ArrayList<>();
		List<Analysed> wordless = new ArrayList<>();
		Set<String> allTerms = new LinkedHashSet<>();
		for (GapQuestion question : questions) {
			Analysed analysed = new Analysed(question, analysis.topicTermsAsWritten(redactor.searchable(question.question())));
			(analysed.terms().isEmpty() ? wordless : remaining).add(analysed);
			allTerms.addAll(analysed.terms().keySet());
		}
		Map<String, Double> rarity = rarity(practice, allTerms);
		List<GapTopic> topics = new ArrayList<>();
		while (!remaining.isEmpty()) {
			String key = mostShared(remaining, rarity);
			List<Analysed> members = remaining.stream().filter(a -> a.terms().containsKey(key)).toList();
			remaining.removeIf(a -> a.terms().containsKey(key));
			topics.add(topic(key, members, rarity));
		}
		topics.sort(Comparator.comparingInt(GapTopic::questions).reversed()
			.thenComparing(GapTopic::lastSeen, Comparator.reverseOrder())
			.thenComparing(GapTopic::topic));
		if (!wordless.isEmpty()) {
			topics.add(topic(null, wordless, rarity));
		}
		return topics;
	}

	private Map<String, Double> rarity(PracticeId practice, Set<String> terms) {
		try {
			return retriever.rarity(practice, terms);
		}
		catch (KnowledgeUnavailable ex) {
			return Map.of(); // no knowledge to compare with: every term counts the same
		}
	}

	/** The term whose questions weigh most: how many remaining questions have it, times its rarity. */
	private static String mostShared(List<Analysed> remaining, Map<String, Double> rarity) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Analysed analysed : remaining) {
			analysed.terms().keySet().forEach(term -> counts.merge(term, 1, Integer::sum));
		}
		Function<String, Double> weight = term -> counts.get(term) * rarity.getOrDefault(term, 1.0);
		return counts.keySet().stream()
			.max(Comparator.comparing(weight).thenComparing(counts::get).thenComparing(Comparator.<String>reverseOrder()))
			.orElseThrow();
	}

	private GapTopic topic(String key, List<Analysed> members, Map<String, Double> rarity) {
		List<String> examples = members.stream().map(a -> example(a.question().question())).distinct()
			.limit(EXAMPLES).toList();
		List<String> comments = members.stream().map(a -> a.question().comment()).filter(Objects::nonNull)
			.map(this::example).distinct().limit(EXAMPLES).toList();
		Instant lastSeen = members.stream().map(a -> a.question().at()).max(Comparator.naturalOrder()).orElseThrow();
		return new GapTopic(key == null ? null : wording(key, members), key == null ? List.of() : related(key, members, rarity),
				members.size(), count(members, GapQuestion::notCovered), count(members, GapQuestion::lowConfidence),
				count(members, GapQuestion::thumbsDown), lastSeen, examples, comments);
	}

	/**
	 * Other telling terms at least two of the questions share (of a single question: its other telling terms), in
	 * the patients' words.
	 */
	private static List<String> related(String key, List<Analysed> members, Map<String, Double> rarity) {
		int shared = Math.min(2, members.size());
		Map<String, Integer> counts = new HashMap<>();
		for (Analysed analysed : members) {
			analysed.terms().keySet().stream()
				.filter(term -> !term.equals(key) && rarity.getOrDefault(term, 1.0) >= MIN_RELATED_RARITY)
				.forEach(term -> counts.merge(term, 1, Integer::sum));
		}
		String label = wording(key, members);
		return counts.entrySet().stream().filter(entry -> entry.getValue() >= shared)
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(entry -> wording(entry.getKey(), members))
			.filter(words -> !words.equals(label))
			.distinct()
			.limit(RELATED_WORDS)
			.toList();
	}

	/** How the patients most often wrote a term ("costs" and "cost" are one term). */
	private static String wording(String term, List<Analysed> members) {
		Map<String, Integer> wordings = new LinkedHashMap<>();
		for (Analysed analysed : members) {
			String written = analysed.terms().get(term);
			if (written != null) {
				wordings.merge(written, 1, Integer::sum);
			}
		}
		return wordings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	private String example(String text) {
		String redacted = redactor.redact(text).replaceAll("\\s+", " ").strip();
		return redacted.length() <= MAX_EXAMPLE_LENGTH ? redacted
				: redacted.substring(0, MAX_EXAMPLE_LENGTH - 1).stripTrailing() + "…";
	}

	private static int count(List<Analysed> members, java.util.function.Predicate<GapQuestion> which) {
		return (int) members.stream().map(Analysed::question).filter(which).count();
	}

	/** A question and its topical terms, each with the patient's words for it. */
	private record Analysed(GapQuestion question, Map<String, String> terms) {
	}

}
