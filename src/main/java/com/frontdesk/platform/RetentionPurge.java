package com.frontdesk.platform;

/**
 * A module's part of the retention purge ({@link Retention}): it deletes what it keeps of patients past the cut-offs,
 * from its own tables only. Parts run in their {@link org.springframework.core.annotation.Order @Order}; the
 * conversations go first, so what only pointed to a purged conversation is purged in the same run.
 */
public interface RetentionPurge {

	/** Deletes what is past its retention: idempotent deletes by age, so instances purging at once only repeat. */
	Retention.Purged purge(Retention.Cutoffs cutoffs);

}
