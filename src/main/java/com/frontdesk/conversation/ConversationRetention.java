package com.frontdesk.conversation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.frontdesk.platform.Retention.Cutoffs;
import com.frontdesk.platform.Retention.Purged;
import com.frontdesk.platform.RetentionPurge;

/**
 * The conversations' part of the retention purge, first of all parts: conversations idle since before the cut-off go
 * with their turns (and, by the schema, the feedback on them and unfinished callback forms), in batches; a link from
 * a messaging contact to one of them is cleared, and the channels purge the contact after this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConversationRetention implements RetentionPurge {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ConversationRetention(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public Purged purge(Cutoffs cutoffs) {
		int conversations = 0;
		for (int deleted = -1; deleted != 0;) {
			List<String> ids = jdbc.sql("select id from conversation where updated_at < :cutoff and "
					+ cutoffs.practices().condition("practice_id") + " order by updated_at fetch first "
					+ cutoffs.batchSize() + " rows only")
				.param("cutoff", cutoffs.conversations())
				.params(cutoffs.practices().parameters())
				.query(String.class)
				.list();
			deleted = ids.isEmpty() ? 0 : delete(ids, cutoffs.conversations());
			conversations += deleted;
		}
		return new Purged(conversations, 0, 0, 0);
	}

	private int delete(List<String> candidates, OffsetDateTime cutoff) {
		return transactions.execute(status -> {
			// Locked and checked again: a conversation that got a message meanwhile is kept.
			List<String> ids = jdbc.sql("select id from conversation where id in (:ids) and updated_at < :cutoff for update")
				.param("ids", candidates)
				.param("cutoff", cutoff)
				.query(String.class)
				.list();
			if (ids.isEmpty()) {
				return 0;
			}
			jdbc.sql("delete from turn where conversation_id in (:ids)").param("ids", ids).update();
			return jdbc.sql("delete from conversation where id in (:ids)").param("ids", ids).update();
		});
	}

}
