package com.frontdesk.retrieval;

import java.util.Map;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** The in-process (ONNX) embedding models Frontdesk can use, by setting name. */
final class EmbeddingModels {

	private static final Map<String, String> CLASSES = Map.of("all-minilm-l6-v2-q",
			"dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
			"all-minilm-l6-v2", "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
			"bge-small-en-v15", "dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel");

	private EmbeddingModels() {
	}

	/** Loads the named model; only the bundled one is sure to be on the class path. */
	static EmbeddingModel load(String name) {
		String className = CLASSES.get(name);
		if (className == null) {
			throw new IllegalStateException("Unknown embedding model '" + name + "' (frontdesk.retrieval.vectors.model); "
					+ "known: " + CLASSES.keySet());
		}
		try {
			return (EmbeddingModel) Class.forName(className).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException("Embedding model '" + name + "' is not available: add its LangChain4j "
					+ "module (langchain4j-embeddings-" + name + ") to the class path", ex);
		}
	}

}
