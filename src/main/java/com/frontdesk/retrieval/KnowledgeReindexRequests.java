package com.frontdesk.retrieval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.Instances;
import com.frontdesk.platform.RequestIds;

/**
 * An admin re-index reaches every instance, not only the one that served the admin request: the request is recorded
 * in the database, and each instance re-reads the knowledge folder at its next heartbeat when it sees a request newer
 * than the last it followed.
 */
@Component
class KnowledgeReindexRequests {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeReindexRequests.class);

	private final JdbcClient jdbc;

	private final KnowledgeIndex index;

	private final Clock clock;

	private volatile OffsetDateTime followed;

	KnowledgeReindexRequests(JdbcClient jdbc, KnowledgeIndex index, Instances instances, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.clock = clock;
		this.followed = latest().orElse(null);
		instances.onHeartbeat(this::follow);
	}

	/** Records a re-index request for all instances; this instance re-indexes itself right away. */
	void requested() {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		followed = now;
		if (jdbc.sql("update knowledge_reindex set requested_at = ? where practice_id = 'default'").param(now).update() == 0) {
			try {
				jdbc.sql("insert into knowledge_reindex (practice_id, requested_at) values ('default', ?)").param(now).update();
			}
			catch (DuplicateKeyException ex) {
				jdbc.sql("update knowledge_reindex set requested_at = ? where practice_id = 'default'").param(now).update();
			}
		}
	}

	private void follow() {
		Optional<OffsetDateTime> latest = latest();
		if (latest.isPresent() && (followed == null || latest.get().isAfter(followed))) {
			followed = latest.get();
			log.info("Re-indexing the knowledge: the admin asked for it on another instance");
			Thread.ofVirtual().name("knowledge-reindex").start(RequestIds.carry(index::reindex));
		}
	}

	private Optional<OffsetDateTime> latest() {
		return jdbc.sql("select requested_at from knowledge_reindex where practice_id = 'default'")
			.query(OffsetDateTime.class)
			.optional();
	}

}
