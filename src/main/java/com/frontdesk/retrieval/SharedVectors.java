package com.frontdesk.retrieval;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge's vectors where every instance reaches them: the {@code knowledge_vector} table, by embedding model
 * and hash of the text. Read before a text is embedded and written after, so a text is embedded once for every
 * instance over the same database, not once per instance and start. A database that cannot be read or written only
 * costs the embedding: the vector is computed here as it would be without the table.
 */
@Component
class SharedVectors {

	private static final Logger log = LoggerFactory.getLogger(SharedVectors.class);

	/** Keys per query: a start-up with tens of thousands of passages reads them in a few hundred queries. */
	private static final int BATCH = 500;

	/** No shared table: every vector is computed (or read from the instance's own file). */
	static final SharedVectors NONE = new SharedVectors(null, Clock.systemUTC());

	private final JdbcClient jdbc;

	private final Clock clock;

	SharedVectors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The vectors stored for these keys by that model; the keys with none are left out. */
	Map<String, float[]> find(String model, Collection<String> keys) {
		Map<String, float[]> found = new HashMap<>();
		if (jdbc == null || keys.isEmpty()) {
			return found;
		}
		List<String> all = new ArrayList<>(keys);
		try {
			for (int from = 0; from < all.size(); from += BATCH) {
				List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
				jdbc.sql("select text_hash, vector from knowledge_vector where model = :model and text_hash in (:keys)")
					.param("model", model)
					.param("keys", batch)
					.query((row, n) -> found.put(row.getString("text_hash"), vector(row.getBytes("vector"))))
					.list();
			}
		}
		catch (DataAccessException ex) {
			log.warn("The shared knowledge vectors could not be read; embedding instead ({})",
					ex.getClass().getSimpleName());
		}
		return found;
	}

	/** Stores vectors computed here; one another instance stored meanwhile is kept (it is the same vector). */
	void save(String model, Map<String, float[]> vectors) {
		if (jdbc == null || vectors.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		try {
			for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
				try {
					jdbc.sql("insert into knowledge_vector (model, text_hash, vector, created_at) values (?, ?, ?, ?)")
						.params(model, entry.getKey(), bytes(entry.getValue()), now)
						.update();
				}
				catch (DuplicateKeyException ex) {
					// stored by another instance in the meantime
				}
			}
		}
		catch (DataAccessException ex) {
			log.warn("The knowledge vectors could not be shared; they are computed again elsewhere ({})",
					ex.getClass().getSimpleName());
		}
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	private static float[] vector(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
		return vector;
	}

}
