package com.frontdesk.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.langchain4j.model.embedding.EmbeddingModel;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Dense vectors for passages, sentences and questions from the in-process embedding model. Vectors of content are
 * cached by a hash of the model and the text, in memory, in a file under the data folder, and in the database every
 * instance shares ({@link SharedVectors}), so neither a restart, a re-index nor a new instance embeds an unchanged
 * passage again. Vectors are unit length. {@code frontdesk.embeddings.computed} counts the texts of content embedded
 * here (the ones found in no cache).
 */
@Component
public class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	private final RetrievalProperties.Vectors settings;

	private final Path cacheFile;

	private final Map<String, float[]> cache = new ConcurrentHashMap<>();

	private final Map<String, float[]> unsaved = new ConcurrentHashMap<>();

	private volatile EmbeddingModel model;

	/** The same model for questions, computing on the asking thread only ({@link EmbeddingModels#loadForQuestions}). */
	private volatile EmbeddingModel questionModel;

	/** Loading the questions' session does not hold up the content's model, the cache or its file. */
	private final Object questionModelLock = new Object();

	private final SharedVectors shared;

	private final AtomicLong computed = new AtomicLong();

	/** Without a shared table or metrics (one instance's own cache file only). */
	Embeddings(RetrievalProperties properties, Path dataDir) {
		this(properties, dataDir, SharedVectors.NONE, null);
	}

	@Autowired
	Embeddings(RetrievalProperties properties, @Value("${frontdesk.data-dir:./data}") Path dataDir, SharedVectors shared,
			MeterRegistry metrics) {
		this.settings = properties.vectors();
		this.cacheFile = dataDir.resolve("embeddings").resolve(settings.model() + ".bin");
		this.shared = shared;
		if (metrics != null) {
			FunctionCounter.builder("frontdesk.embeddings.computed", computed, AtomicLong::get)
				.description("Texts of the knowledge (passages, sentences) embedded on this instance, not found in a cache")
				.register(metrics);
		}
		if (settings.enabled()) {
			load();
		}
	}

	public boolean enabled() {
		return settings.enabled();
	}

	/** The vector of a piece of content (passage or sentence), from a cache when it was embedded before. */
	public float[] content(String text) {
		return contents(List.of(text))[0];
	}

	/**
	 * The vectors of pieces of content, in their order: from this instance's cache, else from the shared table (read
	 * in batches), else embedded now and written to both.
	 */
	public float[][] contents(List<String> texts) {
		float[][] vectors = new float[texts.size()][];
		String[] keys = new String[texts.size()];
		Map<String, Integer> missing = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			keys[i] = key(texts.get(i));
			vectors[i] = cache.get(keys[i]);
			if (vectors[i] == null) {
				missing.putIfAbsent(keys[i], i);
			}
		}
		if (missing.isEmpty()) {
			return vectors;
		}
		Map<String, float[]> found = shared.find(settings.model(), missing.keySet());
		Map<String, float[]> embedded = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : missing.entrySet()) {
			float[] vector = found.get(entry.getKey());
			if (vector == null) {
				vector = embed(texts.get(entry.getValue()));
				computed.incrementAndGet();
				embedded.put(entry.getKey(), vector);
			}
			cache.put(entry.getKey(), vector);
			unsaved.put(entry.getKey(), vector);
		}
		shared.save(settings.model(), embedded);
		for (int i = 0; i < texts.size(); i++) {
			if (vectors[i] == null) {
				vectors[i] = cache.get(keys[i]);
			}
		}
		return vectors;
	}

	/** How many texts of content this instance has embedded itself since it started. */
	long computed() {
		return computed.get();
	}

	/**
	 * The vector of a question. Never written to the cache file, questions are the patients' own words; the last few
	 * are remembered in memory for a moment, so that the safety net and the lookup of the same turn embed it once.
	 */
	public float[] question(String text) {
		synchronized (recentQuestions) {
			float[] known = recentQuestions.get(text);
			if (known != null) {
				return known;
			}
		}
		float[] vector = embed(questionModel(), text);
		synchronized (recentQuestions) {
			recentQuestions.put(text, vector);
		}
		return vector;
	}

	private static final int RECENT_QUESTIONS = 16;

	private final Map<String, float[]> recentQuestions = new java.util.LinkedHashMap<>(32, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > RECENT_QUESTIONS;
		}
	};

	/**
	 * Loads the questions' session while the application starts ({@link RetrievalStartUp}: in the background, and
	 * readiness waits for it), so that the first patient does not wait for it. A model that cannot be loaded is
	 * reported here and again when a question needs it.
	 */
	void prepareForQuestions() {
		if (!settings.enabled()) {
			return;
		}
		try {
			questionModel();
		}
		catch (IllegalStateException ex) {
			log.warn("The embedding model for questions could not be loaded: {}", ex.getMessage());
		}
	}

	/** Writes the vectors embedded since the last save to the cache file. */
	public synchronized void save() {
		if (unsaved.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(cacheFile.getParent());
			Path temp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
			try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
				for (Map.Entry<String, float[]> entry : cache.entrySet()) {
					out.writeUTF(entry.getKey());
					out.writeInt(entry.getValue().length);
					for (float value : entry.getValue()) {
						out.writeFloat(value);
					}
				}
			}
			Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			unsaved.clear();
		}
		catch (IOException ex) {
			log.warn("Cannot save the embedding cache {}: {}", cacheFile, ex.getMessage());
		}
	}

	int cached() {
		return cache.size();
	}

	boolean modelLoaded() {
		return model != null;
	}

	boolean questionModelLoaded() {
		return questionModel != null;
	}

	/** Cosine similarity of two unit vectors. */
	public static float cosine(float[] a, float[] b) {
		return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
	}

	private float[] embed(String text) {
		return embed(model(), text);
	}

	private static float[] embed(EmbeddingModel model, String text) {
		float[] vector = model.embed(text).content().vector();
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	/**
	 * At the stop, once everything that embeds has been stopped: waits for a model still being loaded. A load is native
	 * code in ONNX Runtime, and a JVM that exits in the middle of it crashes instead of stopping in order.
	 */
	@PreDestroy
	void awaitLoads() {
		synchronized (questionModelLock) {
			synchronized (this) {
				log.debug("No embedding model is being loaded: the stop goes on");
			}
		}
	}

	private EmbeddingModel model() {
		EmbeddingModel loaded = model;
		if (loaded == null) {
			synchronized (this) {
				if (model == null) {
					model = EmbeddingModels.load(settings.model());
				}
				loaded = model;
			}
		}
		return loaded;
	}

	private EmbeddingModel questionModel() {
		EmbeddingModel loaded = questionModel;
		if (loaded == null) {
			synchronized (questionModelLock) {
				if (questionModel == null) {
					questionModel = EmbeddingModels.loadForQuestions(settings.model());
				}
				loaded = questionModel;
			}
		}
		return loaded;
	}

	private String key(String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(settings.model().getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void load() {
		if (!Files.isRegularFile(cacheFile)) {
			return;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)))) {
			while (true) {
				String key;
				try {
					key = in.readUTF();
				}
				catch (EOFException end) {
					break;
				}
				float[] vector = new float[in.readInt()];
				for (int i = 0; i < vector.length; i++) {
					vector[i] = in.readFloat();
				}
				cache.put(key, vector);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Ignoring the unreadable embedding cache {}: {}", cacheFile, ex.getMessage());
			cache.clear();
		}
	}

}
