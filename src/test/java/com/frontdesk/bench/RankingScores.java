package com.frontdesk.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ranking quality of one method over a set of queries, with binary relevance, plus the latency of each query.
 *
 * <ul>
 * <li><b>Recall@k</b>: share of queries with a relevant result among the first k (with one relevant answer per
 * query, as in MedQuAD, this is the hit rate).</li>
 * <li><b>MRR@10</b>: mean of 1 / rank of the first relevant result (0 when none is in the first 10).</li>
 * <li><b>nDCG@10</b>: binary gains, counted once per relevant <i>unit</i> (a document: a second passage of an answer
 * already found gains nothing), ideal = all relevant units first.</li>
 * </ul>
 */
final class RankingScores {

	static final int DEPTH = 10;

	/** One result of a ranking: the document (knowledge file) it comes from and its section. */
	record Hit(String document, String section) {
	}

	private int queries;

	private int hit1;

	private int hit5;

	private int hit10;

	private double reciprocalRanks;

	private double ndcgs;

	private final Latencies latencies = new Latencies();

	/**
	 * @param hits the ranking, best first (only the first {@value #DEPTH} count)
	 * @param relevant whether a hit is relevant
	 * @param relevantUnits how many distinct relevant documents exist (for the ideal DCG)
	 * @param nanos how long the query took (negative: not timed)
	 * @return the rank of the first relevant hit (1-based), or 0 when none is in the first {@value #DEPTH}
	 */
	int add(List<Hit> hits, Predicate<Hit> relevant, int relevantUnits, long nanos) {
		int first = 0;
		double dcg = 0;
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < Math.min(DEPTH, hits.size()); i++) {
			Hit hit = hits.get(i);
			if (relevant.test(hit)) {
				if (first == 0) {
					first = i + 1;
				}
				if (seen.add(hit.document() + "#" + hit.section())) {
					dcg += 1 / log2(i + 2);
				}
			}
		}
		addRank(first, dcg / ideal(relevantUnits));
		if (nanos >= 0) {
			latencies.add(nanos);
		}
		return first;
	}

	/** Adds a query by the rank of its first relevant result and its nDCG@10 (for simulated rankings). */
	void addRank(int first, double ndcg) {
		queries++;
		if (first == 1) {
			hit1++;
		}
		if (first >= 1 && first <= 5) {
			hit5++;
		}
		if (first >= 1 && first <= 10) {
			hit10++;
		}
		reciprocalRanks += first == 0 ? 0 : 1.0 / first;
		ndcgs += ndcg;
	}

	static double ideal(int relevantUnits) {
		double ideal = 0;
		for (int i = 0; i < Math.min(DEPTH, Math.max(1, relevantUnits)); i++) {
			ideal += 1 / log2(i + 2);
		}
		return ideal;
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	int queries() {
		return queries;
	}

	double recall1() {
		return share(hit1);
	}

	double recall5() {
		return share(hit5);
	}

	double recall10() {
		return share(hit10);
	}

	double mrr10() {
		return queries == 0 ? 0 : reciprocalRanks / queries;
	}

	double ndcg10() {
		return queries == 0 ? 0 : ndcgs / queries;
	}

	Latencies.Summary latency() {
		return latencies.summary();
	}

	boolean timed() {
		return latencies.count() > 0;
	}

	private double share(int hits) {
		return queries == 0 ? 0 : (double) hits / queries;
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("queries", queries);
		map.put("recall_at_1", round(recall1()));
		map.put("recall_at_5", round(recall5()));
		map.put("recall_at_10", round(recall10()));
		map.put("mrr_at_10", round(mrr10()));
		map.put("ndcg_at_10", round(ndcg10()));
		if (timed()) {
			map.put("latency", latency().toMap());
		}
		return map;
	}

	/** A table row: R@1, R@5, R@10, MRR@10, nDCG@10 in percent / 3 decimals, then p50 and p99 in ms. */
	String row(String name) {
		String timing = timed() ? String.format("%8.3f %8.3f", latency().p50(), latency().p99()) : "       -        -";
		return String.format("  %-34s %6d  %6.1f %6.1f %6.1f  %6.3f %6.3f  %s", name, queries, 100 * recall1(),
				100 * recall5(), 100 * recall10(), mrr10(), ndcg10(), timing);
	}

	static String header() {
		return String.format("  %-34s %6s  %6s %6s %6s  %6s %6s  %8s %8s", "method", "n", "R@1", "R@5", "R@10", "MRR",
				"nDCG", "p50 ms", "p99 ms");
	}

	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
