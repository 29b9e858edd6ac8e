package com.frontdesk.channels.messaging;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the stored inbound messages, as an operator would with SQL. */
public final class MessageRows {

	private final JdbcClient jdbc;

	public MessageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public int count(String channel, String messageId) {
		return jdbc.sql("select count(*) from channel_message where channel = ? and platform_message_id = ?")
			.params(channel, messageId)
			.query(Integer.class)
			.single();
	}

	public int count(String channel) {
		return jdbc.sql("select count(*) from channel_message where channel = ?")
			.param(channel)
			.query(Integer.class)
			.single();
	}

	public Optional<String> status(String channel, String messageId) {
		return jdbc.sql("select status from channel_message where channel = ? and platform_message_id = ?")
			.params(channel, messageId)
			.query(String.class)
			.optional();
	}

	public String detail(String channel, String messageId) {
		return jdbc.sql("select detail from channel_message where channel = ? and platform_message_id = ?")
			.params(channel, messageId)
			.query(String.class)
			.single();
	}

	/** Waits until the message is processed and returns its final status. */
	public String finalStatus(String channel, String messageId) {
		Eventually.until(channel + " message " + messageId + " is processed", () -> status(channel, messageId)
			.filter(status -> !status.equals("pending") && !status.equals("processing"))
			.isPresent());
		return status(channel, messageId).orElseThrow();
	}

}
