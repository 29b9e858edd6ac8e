package com.frontdesk.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeId;

/**
 * Health shows whether the knowledge is indexed: with no passages the assistant cannot answer questions. It is down
 * when no practice's index holds a passage. A single practice with an empty index (its folder missing or empty) does
 * not take the instance out of service for all the others, since every instance would read the same folder: it is
 * named under {@code emptyPractices}, and its patients are told the knowledge is unavailable.
 */
@Component("knowledgeIndexHealthIndicator")
class KnowledgeIndexHealth implements HealthIndicator {

	private final KnowledgeIndexes indexes;

	KnowledgeIndexHealth(KnowledgeIndexes indexes) {
		this.indexes = indexes;
	}

	@Override
	public Health health() {
		Map<PracticeId, IndexStatus> statuses = indexes.statuses();
		boolean loaded = statuses.values().stream().anyMatch(IndexStatus::loaded);
		Health.Builder health = loaded ? Health.up() : Health.down();
		health.withDetail("documents", statuses.values().stream().mapToInt(IndexStatus::documents).sum())
			.withDetail("passages", statuses.values().stream().mapToInt(IndexStatus::passages).sum())
			.withDetail("skippedFiles", statuses.values().stream().mapToInt(status -> status.skippedFiles().size()).sum());
		if (statuses.size() > 1) {
			Map<String, Integer> passages = new LinkedHashMap<>();
			statuses.forEach((practice, status) -> passages.put(practice.value(), status.passages()));
			health.withDetail("passagesByPractice", passages);
			health.withDetail("emptyPractices", statuses.entrySet().stream().filter(entry -> !entry.getValue().loaded())
				.map(entry -> entry.getKey().value()).toList());
		}
		return health.build();
	}

}
