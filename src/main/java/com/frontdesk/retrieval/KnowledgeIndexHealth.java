package com.frontdesk.retrieval;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health shows whether the knowledge is indexed: with no passages the assistant cannot answer questions. */
@Component("knowledgeIndexHealthIndicator")
class KnowledgeIndexHealth implements HealthIndicator {

	private final KnowledgeIndex index;

	KnowledgeIndexHealth(KnowledgeIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		IndexStatus status = index.status();
		Health.Builder health = status.loaded() ? Health.up() : Health.down();
		return health.withDetail("documents", status.documents())
			.withDetail("passages", status.passages())
			.withDetail("skippedFiles", status.skippedFiles().size())
			.build();
	}

}
