package com.frontdesk.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/** The in-process (ONNX) embedding models Frontdesk can use, by setting name. */
final class EmbeddingModels {

	/** A bundled model: its LangChain4j class, and the files and pooling that class loads from its jar. */
	private record Bundled(String className, String onnx, String tokenizer, PoolingMode pooling) {
	}

	private static final Map<String, Bundled> MODELS = Map.of("all-minilm-l6-v2-q",
			new Bundled("dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
					"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN),
			"all-minilm-l6-v2",
			new Bundled("dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
					"all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN),
			"bge-small-en-v15",
			new Bundled("dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel",
					"bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", PoolingMode.CLS));

	private EmbeddingModels() {
	}

	/** Loads the named model; only the bundled one is sure to be on the class path. */
	static EmbeddingModel load(String name) {
		try {
			return (EmbeddingModel) modelClass(name).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw notAvailable(name, ex);
		}
	}

	/**
	 * The same model (same file, same pooling, the same vectors) in an ONNX Runtime session that computes on the
	 * calling thread only: for one short question, splitting the work over the runtime's thread pool saves little,
	 * and on a machine with few cores each split waits for a pool thread to get a CPU, which made a question's
	 * embedding take up to ten times its usual time. Passages, embedded in bulk at indexing, keep {@link #load}.
	 */
	static EmbeddingModel loadForQuestions(String name) {
		Class<?> owner = modelClass(name);
		Bundled bundled = MODELS.get(name);
		try (InputStream onnx = owner.getResourceAsStream("/" + bundled.onnx());
				InputStream tokenizer = owner.getResourceAsStream("/" + bundled.tokenizer());
				OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			if (onnx == null || tokenizer == null) {
				throw notAvailable(name, null);
			}
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession session = environment.createSession(onnx.readAllBytes(), options);
			return new OnThisThread(new OnnxBertBiEncoder(environment, session, tokenizer, bundled.pooling()));
		}
		catch (IOException | OrtException ex) {
			throw notAvailable(name, ex);
		}
	}

	/**
	 * The model's class, not initialised: its static initialiser loads the model into a session of its own, which the
	 * questions' session does not need (it reads the same files itself).
	 */
	private static Class<?> modelClass(String name) {
		Bundled bundled = MODELS.get(name);
		if (bundled == null) {
			throw new IllegalStateException("Unknown embedding model '" + name + "' (frontdesk.retrieval.vectors.model); "
					+ "known: " + MODELS.keySet());
		}
		try {
			return Class.forName(bundled.className(), false, EmbeddingModels.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw notAvailable(name, ex);
		}
	}

	private static IllegalStateException notAvailable(String name, Throwable cause) {
		return new IllegalStateException("Embedding model '" + name + "' is not available: add its LangChain4j "
				+ "module (langchain4j-embeddings-" + name + ") to the class path", cause);
	}

	/** An in-process model over an encoder built here. */
	private static final class OnThisThread extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		OnThisThread(OnnxBertBiEncoder encoder) {
			super(null);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

	}

}
