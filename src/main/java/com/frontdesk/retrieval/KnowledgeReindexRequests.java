package com.frontdesk.retrieval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.Instances;
import com.frontdesk.platform.RequestIds;
import com.frontdesk.practice.InvalidPracticeId;
import com.frontdesk.practice.PracticeId;

/**
 * An admin re-index of a practice reaches every instance, not only the one that served the admin request: the
 * request is recorded in the database (one row per practice), and each instance re-reads that practice's knowledge
 * folder at its next heartbeat when it sees a request newer than the last it followed. The other practices' indexes
 * are left alone.
 */
@Component
class KnowledgeReindexRequests {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeReindexRequests.class);

	private final JdbcClient jdbc;

	private final KnowledgeIndexes indexes;

	private final Clock clock;

	/** The newest request followed, by practice. */
	private final Map<PracticeId, OffsetDateTime> followed = new ConcurrentHashMap<>();

	KnowledgeReindexRequests(JdbcClient jdbc, KnowledgeIndexes indexes, Instances instances, Clock clock) {
		this.jdbc = jdbc;
		this.indexes = indexes;
		this.clock = clock;
		followed.putAll(latest());
		instances.onHeartbeat(this::follow);
	}

	/** Records a re-index request of one practice for all instances (this one has re-indexed it already). */
	void requested(PracticeId practice) {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		followed.put(practice, now);
		if (update(practice, now) == 0) {
			try {
				jdbc.sql("insert into knowledge_reindex (practice_id, requested_at) values (?, ?)")
					.params(practice.value(), now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				update(practice, now);
			}
		}
	}

	private int update(PracticeId practice, OffsetDateTime now) {
		return jdbc.sql("update knowledge_reindex set requested_at = ? where practice_id = ?")
			.params(now, practice.value())
			.update();
	}

	private void follow() {
		latest().forEach((practice, requested) -> {
			OffsetDateTime last = followed.get(practice);
			if (last == null || requested.isAfter(last)) {
				followed.put(practice, requested);
				log.info("Re-indexing the knowledge of the practice '{}': the admin asked for it on another instance",
						practice);
				Thread.ofVirtual().name("knowledge-reindex").start(RequestIds.carry(() -> reindex(practice)));
			}
		});
	}

	private void reindex(PracticeId practice) {
		try {
			indexes.of(practice).reindexQuietly("asked for on another instance");
		}
		catch (RuntimeException ex) {
			log.error("Re-indexing the knowledge of the practice '{}' failed: {}", practice, ex.getMessage());
		}
	}

	/** The newest request of each practice this instance serves. */
	private Map<PracticeId, OffsetDateTime> latest() {
		Map<PracticeId, OffsetDateTime> latest = new java.util.HashMap<>();
		jdbc.sql("select practice_id, requested_at from knowledge_reindex").query((row, n) -> {
			try {
				PracticeId practice = PracticeId.parse(row.getString("practice_id"));
				latest.put(practice, row.getObject("requested_at", OffsetDateTime.class));
			}
			catch (InvalidPracticeId ex) {
				// a row this version cannot read: not a practice it serves
			}
			return null;
		}).list();
		latest.keySet().removeIf(practice -> !indexes.serves(practice));
		return latest;
	}

}
