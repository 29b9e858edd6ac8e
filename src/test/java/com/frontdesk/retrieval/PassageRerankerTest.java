package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.frontdesk.knowledge.Passage;

/** The reranker's weights as shipped and as a practice may replace them, and the order they give. */
class PassageRerankerTest {

	@TempDir
	Path folder;

	@Test
	void theShippedWeightsNameOnlyKnownFeaturesAndWeighCloseness() {
		double[] weights = PassageReranker.read(null);

		assertThat(weights).hasSize(PassageReranker.FEATURES.size());
		assertThat(weights[PassageReranker.FEATURES.indexOf("cosine")]).isPositive();
		assertThat(weights[PassageReranker.FEATURES.indexOf("sentence")]).isPositive();
	}

	@Test
	void writtenWeightsReadBackAsTheyWere() throws Exception {
		double[] weights = new double[PassageReranker.FEATURES.size()];
		weights[PassageReranker.FEATURES.indexOf("fused")] = 1.25;
		weights[PassageReranker.FEATURES.indexOf("votes_all")] = -0.5;
		Path file = Files.writeString(folder.resolve("weights.tsv"), PassageReranker.format(weights, "# test\n"));

		assertThat(PassageReranker.read(file.toString())).containsExactly(weights);
	}

	@Test
	void aLineThatNamesNoFeatureIsRefused() throws Exception {
		Path file = Files.writeString(folder.resolve("weights.tsv"), "closeness\t2\n");

		assertThatThrownBy(() -> PassageReranker.read(file.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("closeness");
	}

	@Test
	void candidatesComeBestScoredFirstAndEqualScoresKeepTheFusedOrder() throws Exception {
		double[] weights = new double[PassageReranker.FEATURES.size()];
		weights[PassageReranker.FEATURES.indexOf("cosine")] = 1;
		Path file = Files.writeString(folder.resolve("weights.tsv"), PassageReranker.format(weights, ""));
		PassageReranker reranker = new PassageReranker(new RerankProperties(true, file.toString()), null, null);

		List<Passage> order = reranker.order(List.of(candidate("a", 0.2), candidate("b", 0.7), candidate("c", 0.2)));

		assertThat(order).extracting(Passage::id).containsExactly("b", "a", "c");
	}

	private static PassageReranker.Candidate candidate(String id, double cosine) {
		double[] features = new double[PassageReranker.FEATURES.size()];
		features[PassageReranker.FEATURES.indexOf("cosine")] = cosine;
		return new PassageReranker.Candidate(new Passage(id, "T", "S", "text", "/t", "", List.of(), "en"), features);
	}

}
