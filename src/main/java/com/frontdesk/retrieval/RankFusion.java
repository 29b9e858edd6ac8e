package com.frontdesk.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Weighted reciprocal rank fusion of the keyword (BM25) and the vector ranking: each ranking adds
 * {@code weight / (rrf-k + rank)} to a passage. The vector ranking's weight follows how decisive the keyword ranking
 * is for the question at hand:
 * <ul>
 * <li>When the best keyword hit clearly outscores the third (the heading that names what is asked, a word only one
 * section uses, a lay word the synonym map turned into the clinical term), the keywords know the answer and the
 * vectors only nudge: {@code vectors.weight}.</li>
 * <li>When the best keyword hits score almost alike, the question's words are in several passages alike (the name of
 * a procedure or condition in every section about it) and BM25's order among them says little; the vectors, which
 * compare the meaning of the whole question, decide: {@code vectors.tie-weight}.</li>
 * </ul>
 * In between the weight moves linearly with the margin, reaching {@code vectors.weight} at {@code decisive-margin}.
 */
final class RankFusion {

	/** The keyword hit the best one is measured against. */
	static final int COMPARED_HIT = 3;

	private final RetrievalProperties properties;

	RankFusion(RetrievalProperties properties) {
		this.properties = properties;
	}

	/** The fused ranking, best first, with each passage's fused score; either ranking may be null. */
	List<ScoreDoc> fuse(TopDocs lexical, TopDocs semantic, int limit) {
		Map<Integer, Double> scores = new LinkedHashMap<>();
		add(scores, lexical, properties.lexicalWeight());
		add(scores, semantic, lexical == null ? properties.vectors().weight() : vectorWeight(lexical));
		// A stable sort on the exact sums: ties keep the keyword ranking's order.
		List<Map.Entry<Integer, Double>> sorted = new ArrayList<>(scores.entrySet());
		sorted.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
		List<ScoreDoc> top = new ArrayList<>(Math.min(limit, sorted.size()));
		for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
			top.add(new ScoreDoc(sorted.get(i).getKey(), sorted.get(i).getValue().floatValue()));
		}
		return top;
	}

	/** Whether the keyword ranking is decisive: the vectors get only {@code vectors.weight} in the fusion. */
	boolean decisive(TopDocs lexical) {
		return properties.decisiveMargin() <= 0 || margin(lexical) >= properties.decisiveMargin();
	}

	/** The vector ranking's weight for this keyword ranking. */
	double vectorWeight(TopDocs lexical) {
		RetrievalProperties.Vectors vectors = properties.vectors();
		double decisiveness = properties.decisiveMargin() <= 0 ? 1
				: Math.min(1, margin(lexical) / properties.decisiveMargin());
		return decisiveness * vectors.weight() + (1 - decisiveness) * vectors.tieWeight();
	}

	/**
	 * How far the best keyword hit stands out: its BM25 score's relative lead over the third hit's (0: tied, 1: the
	 * third does not match at all). Fewer than three hits count as decisive.
	 */
	static double margin(TopDocs lexical) {
		ScoreDoc[] hits = lexical.scoreDocs;
		if (hits.length < COMPARED_HIT || hits[0].score <= 0) {
			return 1;
		}
		double best = hits[0].score;
		return Math.max(0, (best - hits[COMPARED_HIT - 1].score) / best);
	}

	private void add(Map<Integer, Double> scores, TopDocs ranking, double weight) {
		if (ranking == null) {
			return;
		}
		for (int rank = 0; rank < ranking.scoreDocs.length; rank++) {
			scores.merge(ranking.scoreDocs[rank].doc, weight / (properties.rrfK() + rank + 1), Double::sum);
		}
	}

}
