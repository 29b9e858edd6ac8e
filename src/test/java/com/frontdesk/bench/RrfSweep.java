package com.frontdesk.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.frontdesk.knowledge.Passage;
import com.frontdesk.retrieval.RetrievedPassage;

/**
 * Replays Frontdesk's weighted reciprocal rank fusion ({@code RankFusion}) offline over captured keyword and vector
 * rankings, to find fusion settings without restarting the application for each. The replay follows the same rules:
 * the first {@code lexicalDepth} keyword hits and the first {@code vectorDepth} nearest passages each add
 * {@code weight / (k + rank)}, keyword hits are inserted first, ties keep insertion order; the vector weight moves
 * from {@code tieWeight} to {@code vectorWeight} as the best keyword hit's BM25 lead over the third grows to
 * {@code decisiveMargin}.
 */
final class RrfSweep {

	/** One fusion setting. */
	record Setting(double lexicalWeight, double vectorWeight, double tieWeight, double decisiveMargin, int rrfK,
			int lexicalDepth, int vectorDepth) {

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("lexical_weight", lexicalWeight);
			map.put("vectors_weight", vectorWeight);
			map.put("vectors_tie_weight", tieWeight);
			map.put("decisive_margin", decisiveMargin);
			map.put("rrf_k", rrfK);
			map.put("lexical_depth", lexicalDepth);
			map.put("vectors_depth", vectorDepth);
			return map;
		}

		String label() {
			return String.format("lexical-weight %.2f, vectors.weight %.2f, vectors.tie-weight %.2f, decisive-margin %.2f,"
					+ " rrf-k %d, lexical-depth %d, vectors.depth %d", lexicalWeight, vectorWeight, tieWeight,
					decisiveMargin, rrfK, lexicalDepth, vectorDepth);
		}

		List<String> properties() {
			return List.of("frontdesk.retrieval.lexical-weight=" + lexicalWeight,
					"frontdesk.retrieval.vectors.weight=" + vectorWeight,
					"frontdesk.retrieval.vectors.tie-weight=" + tieWeight,
					"frontdesk.retrieval.decisive-margin=" + decisiveMargin, "frontdesk.retrieval.rrf-k=" + rrfK,
					"frontdesk.retrieval.lexical-depth=" + lexicalDepth,
					"frontdesk.retrieval.vectors.depth=" + vectorDepth);
		}

	}

	private record Query(double margin, int[] lexical, int[] semantic, int[] semanticInLexical, boolean[] lexicalRelevant,
			boolean[] semanticRelevant, int[] lexicalDoc, int[] semanticDoc, int relevantUnits, int[] hybrid) {
	}

	private final Map<String, Integer> passageIds = new HashMap<>();

	private final Map<String, Integer> documentIds = new HashMap<>();

	private final List<Query> queries = new ArrayList<>();

	private int agreeing;

	/**
	 * @param lexical Frontdesk's KEYWORDS ranking with its BM25 scores, as deep as the deepest lexical depth to try
	 * @param semantic Frontdesk's VECTORS ranking, as deep as the deepest vector depth to try
	 * @param hybrid the HYBRID top 10 of the same run (to check the replay), or null
	 */
	void capture(List<RetrievedPassage> scoredLexical, List<Passage> semantic, List<Passage> hybrid,
			Predicate<Passage> relevant, int relevantUnits) {
		List<Passage> lexical = scoredLexical.stream().map(RetrievedPassage::passage).toList();
		int[] lex = ids(lexical);
		int[] sem = ids(semantic);
		Map<Integer, Integer> lexPosition = new HashMap<>();
		for (int i = 0; i < lex.length; i++) {
			lexPosition.putIfAbsent(lex[i], i);
		}
		int[] semInLex = new int[sem.length];
		for (int i = 0; i < sem.length; i++) {
			semInLex[i] = lexPosition.getOrDefault(sem[i], -1);
		}
		queries.add(new Query(margin(scoredLexical), lex, sem, semInLex, relevant(lexical, relevant),
				relevant(semantic, relevant), docs(lexical), docs(semantic), relevantUnits,
				hybrid == null ? null : ids(hybrid)));
	}

	int size() {
		return queries.size();
	}

	/** Share of captured queries whose replayed top 10 with {@code setting} equals the captured HYBRID top 10. */
	double agreement(Setting setting) {
		agreeing = 0;
		int compared = 0;
		for (Query query : queries) {
			if (query.hybrid() == null) {
				continue;
			}
			compared++;
			int[] top = fuse(query, setting);
			int[] ids = new int[top.length];
			List<Integer> candidates = candidates(query, setting);
			for (int i = 0; i < top.length; i++) {
				ids[i] = candidates.get(top[i]);
			}
			if (java.util.Arrays.equals(ids, query.hybrid())) {
				agreeing++;
			}
		}
		return compared == 0 ? 0 : (double) agreeing / compared;
	}

	RankingScores evaluate(Setting setting) {
		RankingScores scores = new RankingScores();
		for (Query query : queries) {
			int n = Math.min(setting.lexicalDepth(), query.lexical().length);
			int[] top = fuse(query, setting);
			int first = 0;
			double dcg = 0;
			List<Integer> seenDocs = new ArrayList<>(4);
			for (int i = 0; i < top.length; i++) {
				int candidate = top[i];
				boolean rel;
				int doc;
				if (candidate < n) {
					rel = query.lexicalRelevant()[candidate];
					doc = query.lexicalDoc()[candidate];
				}
				else {
					int semantic = semanticIndex(query, setting, candidate - n);
					rel = query.semanticRelevant()[semantic];
					doc = query.semanticDoc()[semantic];
				}
				if (rel) {
					if (first == 0) {
						first = i + 1;
					}
					if (!seenDocs.contains(doc)) {
						seenDocs.add(doc);
						dcg += 1 / RankingScores.log2(i + 2);
					}
				}
			}
			scores.addRank(first, dcg / RankingScores.ideal(query.relevantUnits()));
		}
		return scores;
	}

	/** The passage ids of the fused candidates in insertion order (keyword hits first, then new nearest passages). */
	private static List<Integer> candidates(Query query, Setting setting) {
		int n = Math.min(setting.lexicalDepth(), query.lexical().length);
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(query.lexical()[i]);
		}
		int m = Math.min(setting.vectorDepth(), query.semantic().length);
		for (int r = 0; r < m; r++) {
			int inLex = query.semanticInLexical()[r];
			if (inLex < 0 || inLex >= n) {
				ids.add(query.semantic()[r]);
			}
		}
		return ids;
	}

	/** The index in the semantic ranking of the j-th semantic-only candidate. */
	private static int semanticIndex(Query query, Setting setting, int j) {
		int n = Math.min(setting.lexicalDepth(), query.lexical().length);
		int m = Math.min(setting.vectorDepth(), query.semantic().length);
		int seen = 0;
		for (int r = 0; r < m; r++) {
			int inLex = query.semanticInLexical()[r];
			if (inLex < 0 || inLex >= n) {
				if (seen == j) {
					return r;
				}
				seen++;
			}
		}
		throw new IllegalStateException();
	}

	/** The best keyword hit's relative BM25 lead over the third (1 with fewer than three hits), as RankFusion. */
	private static double margin(List<RetrievedPassage> lexical) {
		if (lexical.size() < 3 || lexical.get(0).score() <= 0) {
			return 1;
		}
		return Math.max(0, (lexical.get(0).score() - lexical.get(2).score()) / lexical.get(0).score());
	}

	private static double vectorWeight(Query query, Setting setting) {
		double decisiveness = setting.decisiveMargin() <= 0 ? 1 : Math.min(1, query.margin() / setting.decisiveMargin());
		return decisiveness * setting.vectorWeight() + (1 - decisiveness) * setting.tieWeight();
	}

	/** Candidate positions (into {@link #candidates}) of the fused top 10. */
	private static int[] fuse(Query query, Setting setting) {
		int n = Math.min(setting.lexicalDepth(), query.lexical().length);
		int m = Math.min(setting.vectorDepth(), query.semantic().length);
		double vectorWeight = vectorWeight(query, setting);
		double[] scores = new double[n + m];
		for (int i = 0; i < n; i++) {
			scores[i] = setting.lexicalWeight() / (setting.rrfK() + i + 1);
		}
		int size = n;
		for (int r = 0; r < m; r++) {
			double add = vectorWeight / (setting.rrfK() + r + 1);
			int inLex = query.semanticInLexical()[r];
			if (inLex >= 0 && inLex < n) {
				scores[inLex] += add;
			}
			else {
				scores[size++] = add;
			}
		}
		int limit = Math.min(RankingScores.DEPTH, size);
		int[] top = new int[limit];
		boolean[] taken = new boolean[size];
		for (int t = 0; t < limit; t++) {
			int best = -1;
			for (int i = 0; i < size; i++) {
				if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
					best = i;
				}
			}
			taken[best] = true;
			top[t] = best;
		}
		return top;
	}

	private int[] ids(List<Passage> passages) {
		int[] ids = new int[passages.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = passageIds.computeIfAbsent(passages.get(i).id(), k -> passageIds.size());
		}
		return ids;
	}

	private int[] docs(List<Passage> passages) {
		int[] docs = new int[passages.size()];
		for (int i = 0; i < docs.length; i++) {
			docs[i] = documentIds.computeIfAbsent(RetrievalPeers.document(passages.get(i)), k -> documentIds.size());
		}
		return docs;
	}

	private static boolean[] relevant(List<Passage> passages, Predicate<Passage> relevant) {
		boolean[] flags = new boolean[passages.size()];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = relevant.test(passages.get(i));
		}
		return flags;
	}

}
