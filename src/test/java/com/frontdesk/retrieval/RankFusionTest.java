package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

/** The keyword ranking decides when one passage clearly matches best; the meaning decides between near-equal ones. */
class RankFusionTest {

	private final RankFusion fusion = new RankFusion(new RetrievalProperties(3, 0.5, 0.45, true, null, 1.0, 30, 60,
			0.2, new RetrievalProperties.Vectors(true, "all-minilm-l6-v2-q", 0.3, 6.0, 30, 100, 0.6, true), RetrievalProperties.Answerability.OFF, null));

	@Test
	void aPassageTheKeywordsClearlyPreferStaysFirst() {
		TopDocs keywords = ranking(new int[] { 1, 2, 3, 4 }, new float[] { 9.0f, 4.0f, 3.0f, 2.0f });
		TopDocs vectors = ranking(new int[] { 4, 3, 2, 1 }, new float[] { 0.9f, 0.8f, 0.7f, 0.6f });

		assertThat(docs(fusion.fuse(keywords, vectors, 4))).startsWith(1);
		assertThat(fusion.vectorWeight(keywords)).isEqualTo(0.3);
	}

	@Test
	void passagesTheKeywordsScoreAlikeAreOrderedByMeaning() {
		TopDocs keywords = ranking(new int[] { 1, 2, 3, 4 }, new float[] { 5.02f, 5.01f, 5.0f, 4.9f });
		TopDocs vectors = ranking(new int[] { 3, 1, 2, 4 }, new float[] { 0.9f, 0.8f, 0.7f, 0.6f });

		assertThat(docs(fusion.fuse(keywords, vectors, 4))).containsExactly(3, 1, 2, 4);
		assertThat(fusion.vectorWeight(keywords)).isGreaterThan(5.5);
	}

	@Test
	void theVectorWeightMovesWithTheKeywordMarginAndOneOrTwoHitsCountAsDecisive() {
		double tied = fusion.vectorWeight(ranking(new int[] { 1, 2, 3 }, new float[] { 2f, 2f, 2f }));
		double halfway = fusion.vectorWeight(ranking(new int[] { 1, 2, 3 }, new float[] { 2f, 1.9f, 1.8f }));

		assertThat(tied).isEqualTo(6.0);
		assertThat(halfway).isCloseTo(3.15, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(fusion.vectorWeight(ranking(new int[] { 1, 2 }, new float[] { 2f, 2f }))).isEqualTo(0.3);
		assertThat(fusion.vectorWeight(ranking(new int[0], new float[0]))).isEqualTo(0.3);
	}

	@Test
	void withoutVectorsTheKeywordOrderIsKept() {
		TopDocs keywords = ranking(new int[] { 7, 5, 6 }, new float[] { 3f, 2f, 1f });

		assertThat(docs(fusion.fuse(keywords, null, 10))).containsExactly(7, 5, 6);
	}

	private static TopDocs ranking(int[] docs, float[] scores) {
		ScoreDoc[] hits = new ScoreDoc[docs.length];
		for (int i = 0; i < docs.length; i++) {
			hits[i] = new ScoreDoc(docs[i], scores[i]);
		}
		return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), hits);
	}

	private static List<Integer> docs(List<ScoreDoc> hits) {
		return hits.stream().map(hit -> hit.doc).toList();
	}

}
