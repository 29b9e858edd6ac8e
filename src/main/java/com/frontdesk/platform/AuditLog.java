package com.frontdesk.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeId;

/**
 * Who at the practice viewed or changed what, in the database every instance shares: one entry per admin request
 * that opened patient data or changed something ({@link AuditTrail} decides which). Entries name identifiers, never
 * patient text, and are forgotten after {@code frontdesk.audit.keep-for}.
 */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	private final AuditProperties settings;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, AuditProperties settings, Clock clock, Instances instances) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		instances.onHeartbeat(this::forgetOld);
	}

	/** Records an entry now; on disk when this returns (every commit is written at once). */
	void record(PracticeId practice, String actor, String action, String subject, String client, String requestId) {
		jdbc.sql("""
				insert into audit_event (practice_id, at, actor, action, subject, client, request_id)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(practice.value(), utc(clock.instant()), actor, action, subject, client, requestId)
			.update();
	}

	/** One page of the practice's entries, newest first. */
	List<Entry> page(PracticeId practice, int page, int size) {
		return jdbc.sql("select at, actor, action, subject, client, request_id from audit_event "
				+ "where practice_id = :practice order by at desc, id desc limit :size offset :offset")
			.param("practice", practice.value())
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, n) -> new Entry(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
					row.getString(3), row.getString(4), row.getString(5), row.getString(6)))
			.list();
	}

	long count(PracticeId practice) {
		return jdbc.sql("select count(*) from audit_event where practice_id = ?")
			.param(practice.value())
			.query(Long.class)
			.single();
	}

	private void forgetOld() {
		jdbc.sql("delete from audit_event where at < ?").params(utc(clock.instant().minus(settings.keepFor()))).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One entry of the audit log.
	 *
	 * @param at when
	 * @param actor the staff account signed in
	 * @param action what was done, in words ({@code transcript opened}, {@code conversation deleted}, ...)
	 * @param subject the identifier it was done to (a conversation or callback id); null when it was a list
	 * @param client the network the request came from (its first half only, as in the logs)
	 * @param requestId the request's id, as in the logs and the response's {@code X-Request-Id}
	 */
	record Entry(Instant at, String actor, String action, String subject, String client, String requestId) {
	}

}
