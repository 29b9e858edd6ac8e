package com.frontdesk.answering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.frontdesk.knowledge.Passage;
import com.frontdesk.retrieval.Embeddings;
import com.frontdesk.retrieval.Retrieval;
import com.frontdesk.retrieval.RetrievedPassage;
import com.frontdesk.retrieval.TextAnalysis;

/**
 * The answerer that needs no language model: it picks the sentences of the retrieved passages that answer the
 * question and quotes them, naming the source. It never writes a fact of its own, so it cannot state anything the
 * passages do not say.
 */
@Component
public class EmbeddedAnswerer {

	/** A whole section shorter than this is quoted in full: it reads better than picked sentences. */
	private static final int WHOLE_PASSAGE_WORDS = 55;

	private static final int MAX_ANSWER_WORDS = 110;

	/** "How many scars?", "what number of incisions": the patient wants a count of what follows. */
	private static final Pattern COUNT_QUESTION = Pattern.compile("(?iu)\\b(?:how many|number of)\\b((?:\\s+[\\p{L}-]+){0,3})");

	/** How many words may stand between a count and what it counts ("four small poke-hole incisions"). */
	private static final int COUNTED_WITHIN = 3;

	/** A count in the content's words. */
	private static final Pattern COUNT = Pattern.compile(
			"(?iu)\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|a couple)\\b");

	/** An overview of a whole section may be longer than an answer: it lists every part. */
	private static final int MAX_OVERVIEW_WORDS = 160;

	private static final int MAX_SENTENCES_PER_PASSAGE = 3;

	/** How much a sentence's closeness in meaning to the question counts against its shared rare words. */
	private static final double MEANING_WEIGHT = 2.0;

	private final TextAnalysis analysis;

	private final SourceLinks links;

	private final Embeddings embeddings;

	EmbeddedAnswerer(TextAnalysis analysis, SourceLinks links, Embeddings embeddings) {
		this.analysis = analysis;
		this.links = links;
		this.embeddings = embeddings;
	}

	/** Composes an answer from a retrieval that covers the question. */
	public Answer answer(Retrieval retrieval) {
		if (retrieval.wholeSection()) {
			Answer overview = overview(retrieval.passages());
			if (overview != null) {
				return overview;
			}
		}
		Map<Passage, List<String>> chosen = choose(retrieval);
		StringBuilder text = new StringBuilder();
		List<Citation> citations = new ArrayList<>();
		for (Map.Entry<Passage, List<String>> entry : chosen.entrySet()) {
			String quoted = Sentences.join(entry.getValue());
			if (!text.isEmpty()) {
				text.append("\n\n");
			}
			text.append(quoted);
			Passage passage = entry.getKey();
			citations.add(new Citation(passage.title(), passage.section(), links.resolve(passage.url()),
					snippet(quoted)));
		}
		return new Answer(text.toString(), citations);
	}

	/**
	 * A question about a whole section ("how is the surgery done step by step") gets each part's heading and the
	 * sentence that says what the heading names ({@link #lead}), in the page's order, under the section's heading,
	 * citing the section: every step, in the practice's words (a part split into several passages is named once). Null
	 * when the parts would make too long a reply (then the best sentences are picked as for any question).
	 */
	private Answer overview(List<RetrievedPassage> parts) {
		Passage first = parts.get(0).passage();
		String section = first.parentSection();
		if (section.isEmpty() || parts.size() < 2) {
			return null;
		}
		StringBuilder text = new StringBuilder(section).append(':');
		Set<String> named = new HashSet<>();
		for (RetrievedPassage part : parts) {
			Passage passage = part.passage();
			List<String> sentences = Sentences.of(passage.text());
			if (sentences.isEmpty() || !named.add(passage.section())) {
				continue;
			}
			String heading = passage.heading();
			text.append("\n- ").append(heading).append(": ")
				.append(lead(heading, sentences, passage.language()).replaceFirst("^- ", ""));
		}
		if (Sentences.words(text.toString()) > MAX_OVERVIEW_WORDS) {
			return null;
		}
		String body = text.toString();
		return new Answer(body, List.of(new Citation(first.title(), section, links.resolve(first.url()), snippet(body))));
	}

	/** The sentence that says what its heading names: the first with the most of the heading's words. */
	private String lead(String heading, List<String> sentences, String language) {
		Set<String> named = new HashSet<>(analysis.passageTerms(heading, language));
		String lead = sentences.get(0);
		long most = 0;
		for (String sentence : sentences) {
			long shared = new HashSet<>(analysis.passageTerms(sentence, language)).stream()
				.filter(named::contains)
				.count();
			if (shared > most) {
				most = shared;
				lead = sentence;
			}
		}
		return lead;
	}

	/**
	 * Picks passages best first: more than one only while they add question words the answer does not have yet. A
	 * question asking how many ("how many incisions will I have?") also gets the sentence that counts what it asks
	 * about, from the first passage that has one, when the answer so far does not; when the first passage gave the
	 * count, the next passage that names what is counted adds the sentence that names it (the four incisions on the
	 * back, and the one in the side).
	 */
	private Map<Passage, List<String>> choose(Retrieval retrieval) {
		Map<Passage, List<String>> chosen = new LinkedHashMap<>();
		Set<String> answeredTerms = new HashSet<>();
		int words = 0;
		double bestSentenceScore = 0;
		Matcher countQuestion = COUNT_QUESTION.matcher(retrieval.query());
		boolean countAsked = countQuestion.find();
		Set<String> counted = countAsked ? counted(countQuestion.group(1)) : Set.of();
		boolean countGiven = false;
		boolean countFromFirst = false;
		boolean companionGiven = false;
		for (RetrievedPassage retrieved : retrieval.passages()) {
			Passage passage = retrieved.passage();
			List<Scored> sentences = score(passage, retrieval.termWeights(), retrieval.queryVector());
			if (sentences.isEmpty()) {
				continue;
			}
			Scored count = countAsked && !countGiven ? countSentence(sentences, retrieval, counted, passage.language()) : null;
			if (count == null && countFromFirst && !companionGiven) {
				// the count may be spread over passages: "a small incision in your side" beside the four on the back
				count = mentioning(sentences, counted, passage.language());
				companionGiven = count != null;
			}
			double best = sentences.stream().mapToDouble(Scored::score).max().orElse(0);
			if (chosen.isEmpty()) {
				bestSentenceScore = best;
			}
			else if (count == null && (best < 0.6 * bestSentenceScore
					|| answeredTerms.containsAll(retrieved.matchedTerms()) || words >= MAX_ANSWER_WORDS * 0.6)) {
				continue;
			}
			List<String> picked = pick(passage, sentences, chosen.isEmpty());
			if (count != null) {
				picked = chosen.isEmpty() ? withSentence(picked, count, sentences) : List.of(count.text());
			}
			int pickedWords = picked.stream().mapToInt(Sentences::words).sum();
			if (!chosen.isEmpty() && words + pickedWords > MAX_ANSWER_WORDS) {
				continue;
			}
			chosen.put(passage, picked);
			answeredTerms.addAll(retrieved.matchedTerms());
			words += pickedWords;
			countFromFirst |= count != null && chosen.size() == 1 && !countGiven;
			countGiven |= count != null;
		}
		return chosen;
	}

	/**
	 * The best sentence that names what the question counts without counting something else ("one small scar"), or
	 * null (none named, or no sentence names it).
	 */
	private Scored mentioning(List<Scored> sentences, Set<String> counted, String language) {
		return counted.isEmpty() ? null : sentences.stream()
			.filter(s -> analysis.passageTerms(s.text(), language).stream().anyMatch(counted::contains))
			.filter(s -> !COUNT.matcher(s.text()).find())
			.max(Comparator.comparingDouble(Scored::score)).orElse(null);
	}

	/**
	 * The best sentence that says how many of what the question counts ("how many small incisions": a count a few
	 * words before "incisions", not the "one small scar" of the scars), or null. A question that names nothing to count
	 * ("how many?" after a question about scars) takes a count next to any of its words.
	 */
	private Scored countSentence(List<Scored> sentences, Retrieval retrieval, Set<String> counted, String language) {
		Set<String> named = counted.isEmpty() ? retrieval.termWeights().keySet() : counted;
		return sentences.stream().filter(s -> counts(s.text(), named, language))
			.max(Comparator.comparingDouble(Scored::score)).orElse(null);
	}

	/**
	 * What a count question counts: the last word before the first stop word after "how many" ("incisions" of "how
	 * many small incisions are made"); none when a stop word follows at once.
	 */
	private Set<String> counted(String following) {
		String last = null;
		for (String word : following.strip().split("\\s+")) {
			if (word.isBlank() || analysis.queryTerms(word).isEmpty()) {
				break;
			}
			last = word;
		}
		return last == null ? Set.of() : new HashSet<>(analysis.passageTerms(last));
	}

	/** Whether a count in the sentence stands at most {@value #COUNTED_WITHIN} words before one of the named terms. */
	private boolean counts(String sentence, Set<String> named, String language) {
		String[] words = sentence.split("\\s+");
		for (int i = 0; i < words.length; i++) {
			if (!COUNT.matcher(words[i].replaceAll("[^\\p{L}\\d]", "")).matches()) {
				continue;
			}
			for (int j = i + 1; j < Math.min(words.length, i + 2 + COUNTED_WITHIN); j++) {
				if (analysis.passageTerms(words[j], language).stream().anyMatch(named::contains)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The picked sentences with one more, in the passage's order. */
	private static List<String> withSentence(List<String> picked, Scored sentence, List<Scored> sentences) {
		if (picked.contains(sentence.text())) {
			return picked;
		}
		return sentences.stream().filter(s -> picked.contains(s.text()) || s == sentence).map(Scored::text).toList();
	}

	private List<String> pick(Passage passage, List<Scored> sentences, boolean first) {
		if (first && Sentences.words(passage.text()) <= WHOLE_PASSAGE_WORDS) {
			return sentences.stream().map(Scored::text).toList();
		}
		double best = sentences.stream().mapToDouble(Scored::score).max().orElse(0);
		int limit = first ? MAX_SENTENCES_PER_PASSAGE : 1;
		List<Scored> top = sentences.stream().filter(s -> s.score() > 0 && s.score() >= best * 0.5)
			.sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(limit).toList();
		if (top.isEmpty()) {
			top = sentences.subList(0, 1);
		}
		Set<Scored> quoted = new HashSet<>(top);
		for (Scored item : top) {
			Scored lead = leadIn(sentences, item);
			if (lead != null) {
				quoted.add(lead);
			}
		}
		return sentences.stream().filter(quoted::contains).map(Scored::text).toList();
	}

	/** The sentence introducing the list a quoted list item belongs to ("... include:"), or null: never a bare item. */
	private static Scored leadIn(List<Scored> sentences, Scored sentence) {
		if (!sentence.text().startsWith("- ")) {
			return null;
		}
		for (int i = sentence.position() - 1; i >= 0; i--) {
			Scored before = sentences.get(i);
			if (!before.text().startsWith("- ")) {
				return before.text().endsWith(":") ? before : null;
			}
		}
		return null;
	}

	private record Scored(int position, String text, double score) {
	}

	/** A sentence scores by the rare question words it contains and by how close in meaning it is to the question. */
	private List<Scored> score(Passage passage, Map<String, Double> weights, float[] question) {
		List<String> sentences = Sentences.of(passage.text());
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			double score = 0;
			for (String term : new HashSet<>(analysis.passageTerms(sentences.get(i), passage.language()))) {
				score += weights.getOrDefault(term, 0.0);
			}
			if (question != null && embeddings.enabled()) {
				score += MEANING_WEIGHT * Math.max(0, Embeddings.cosine(question, embeddings.content(sentences.get(i))));
			}
			scored.add(new Scored(i, sentences.get(i), score));
		}
		return scored;
	}

	private static String snippet(String quoted) {
		String flat = quoted.replaceAll("\\s*\\n-?\\s*", "; ").replace(":;", ":");
		return flat.length() <= 240 ? flat : flat.substring(0, flat.lastIndexOf(' ', 237)) + "...";
	}

}
