package com.frontdesk.conversation;

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
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static final int MAX_DETAIL = 300;

	private final JdbcClient jdbc;

	StaffMessageDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long turnId, Delivery delivery, String detail) {
		String shortened = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
		jdbc.sql("update turn set delivery = ?, delivery_detail = ? where id = ? and author = ?")
			.params(delivery.value(), shortened, turnId, Turn.STAFF)
			.update();
	}

}
