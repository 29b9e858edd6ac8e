package com.frontdesk.conversation;

import java.util.regex.Pattern;

/**
 * Where a patient writes from: the website's widget or one of the messaging platforms.
 *
 * @param value the name stored with a conversation and used in metrics ({@code web}, {@code whatsapp}, ...): 1 to 16
 * lower-case letters
 */
public record Channel(String value) {

	private static final Pattern NAME = Pattern.compile("[a-z]{1,16}");

	public static final Channel WEB = new Channel("web");

	public static final Channel WHATSAPP = new Channel("whatsapp");

	public static final Channel MESSENGER = new Channel("messenger");

	public static final Channel TELEGRAM = new Channel("telegram");

	public static final Channel SMS = new Channel("sms");

	public Channel {
		if (value == null || !NAME.matcher(value).matches()) {
			throw new IllegalArgumentException("A channel's name is 1 to 16 lower-case letters");
		}
	}

	/** The channel of a stored or configured name (a messaging channel's {@code name()}). */
	public static Channel of(String value) {
		return new Channel(value);
	}

}
