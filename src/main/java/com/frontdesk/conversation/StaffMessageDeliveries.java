package com.frontdesk.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What became of a staff message a channel pushes to the patient, kept on its turn so the practice sees in the
 * transcript whether the patient got it (and can call instead when not). The reason never quotes the message.
 */
@Component
public class StaffMessageDeliveries {

	/** How a pushed staff message fared. */
	public enum Delivery {

		SENDING, SENT, FAILED, NOT_SENT;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static final int MAX_DETAIL = 300;

	private final JdbcClient jdbc;

	StaffMessageDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Messages still marked as sending although they were handed to the platform before {@code before}: the instance
	 * sending them stopped (a restart, a crash), so nobody knows whether they arrived. They are marked failed, so
	 * staff see it and can call the patient.
	 * @return how many were marked
	 */
	public int abandonSendingBefore(Instant before) {
		return jdbc.sql("update turn set delivery = ?, delivery_detail = ? where delivery = ? and created_at < ?")
			.params(Delivery.FAILED.value(), ABANDONED, Delivery.SENDING.value(),
					OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.update();
	}

	static final String ABANDONED = "Frontdesk stopped while sending it: it may not have reached the patient";

	public void record(long turnId, Delivery delivery, String detail) {
		String shortened = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
		jdbc.sql("update turn set delivery = ?, delivery_detail = ? where id = ? and author = ?")
			.params(delivery.value(), shortened, turnId, Turn.STAFF)
			.update();
	}

}
