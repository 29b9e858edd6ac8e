package com.frontdesk.booking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.Retention.Cutoffs;
import com.frontdesk.platform.Retention.Purged;
import com.frontdesk.platform.RetentionPurge;

/** Booking's part of the retention purge: callback requests made before the cut-off. */
@Component
class BookingRetention implements RetentionPurge {

	private final JdbcClient jdbc;

	BookingRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Purged purge(Cutoffs cutoffs) {
		String practices = cutoffs.practices().condition("practice_id");
		int callbacks = jdbc.sql("delete from callback_request where created_at < :cutoff and " + practices)
			.param("cutoff", cutoffs.callbackRequests())
			.params(cutoffs.practices().parameters())
			.update();
		return new Purged(0, 0, 0, callbacks);
	}

}
