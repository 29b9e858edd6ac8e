package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passage vectors are computed once: a restart or re-index finds unchanged passages in the cache. */
class EmbeddingsTest {

	@TempDir
	Path dataDir;

	RetrievalProperties settings(boolean vectors) {
		return new RetrievalProperties(3, 0.5, 0.45, true, null, 1.0, 30, 60, 0.2,
				new RetrievalProperties.Vectors(vectors, "all-minilm-l6-v2-q", 0.3, 6.0, 30, 100, 0.6, true), RetrievalProperties.Answerability.OFF, null);
	}

	@Test
	void unchangedPassagesAreNotEmbeddedAgainAfterARestart() {
		Embeddings first = new Embeddings(settings(true), dataDir);
		float[] vector = first.content("Upon healing, you will have one small scar on your side.");
		first.save();

		Embeddings afterRestart = new Embeddings(settings(true), dataDir);
		float[] cached = afterRestart.content("Upon healing, you will have one small scar on your side.");

		assertThat(afterRestart.modelLoaded()).isFalse();
		assertThat(cached).containsExactly(vector);
		assertThat(afterRestart.cached()).isEqualTo(1);
	}

	@Test
	void vectorsAreUnitLengthAndCloseForCloseMeanings() {
		Embeddings embeddings = new Embeddings(settings(true), dataDir);
		float[] scar = embeddings.content("You will have one small scar on your side.");
		float[] question = embeddings.question("will it leave a mark on my skin");
		float[] unrelated = embeddings.question("what is the capital of France");

		assertThat(Embeddings.cosine(scar, scar)).isCloseTo(1f, org.assertj.core.data.Offset.offset(0.001f));
		assertThat(Embeddings.cosine(question, scar)).isGreaterThan(Embeddings.cosine(unrelated, scar));
		assertThat(embeddings.cached()).isEqualTo(1);
	}

	/** Questions are embedded on the asking thread only, by the same model: the same words give the same vector. */
	@Test
	void aQuestionGetsTheVectorTheSameWordsGetAsContent() {
		Embeddings embeddings = new Embeddings(settings(true), dataDir);
		String text = "Will lateral fusion leave a big scar?";

		float[] asQuestion = embeddings.question(text);
		float[] asContent = embeddings.content(text);

		assertThat(asQuestion).hasSize(384);
		assertThat(asQuestion).containsExactly(asContent, org.assertj.core.data.Offset.offset(1e-5f));
	}

	@Test
	void anUnreadableCacheIsIgnoredNotFatal() throws Exception {
		java.nio.file.Files.createDirectories(dataDir.resolve("embeddings"));
		java.nio.file.Files.write(dataDir.resolve("embeddings/all-minilm-l6-v2-q.bin"), new byte[] { 0, 5, 1 });

		Embeddings embeddings = new Embeddings(settings(true), dataDir);

		assertThat(embeddings.cached()).isZero();
		assertThat(embeddings.content("scar")).hasSize(384);
	}

}
