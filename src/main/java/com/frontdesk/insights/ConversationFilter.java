package com.frontdesk.insights;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import com.frontdesk.conversation.Intent;

/**
 * Which conversations the admin lists: any of the criteria may be absent (null).
 *
 * @param channel the channel they came in on ({@code web}, {@code whatsapp}, ...)
 * @param intent conversations with at least one reply of this intent
 * @param owner who answers them now: {@code bot}, {@code waiting_for_staff}, {@code staff} or {@code closed}
 * @param from started on or after this day (practice time zone)
 * @param to started on or before this day (practice time zone)
 */
record ConversationFilter(String channel, Intent intent, String owner, LocalDate from, LocalDate to) {

	static final Set<String> OWNERS = Set.of("bot", "waiting_for_staff", "staff", "closed");

	private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,32}");

	static ConversationFilter of(String channel, String intent, String owner, String from, String to) {
		String channelName = blankToNull(channel);
		if (channelName != null && !CHANNEL.matcher(channelName).matches()) {
			throw new InvalidInsightsRequest("\"channel\" is not a channel name");
		}
		String ownerName = blankToNull(owner);
		if (ownerName != null && !OWNERS.contains(ownerName)) {
			throw new InvalidInsightsRequest("\"owner\" must be one of bot, waiting_for_staff, staff, closed");
		}
		LocalDate fromDay = ReportPeriod.optionalDate("from", from);
		LocalDate toDay = ReportPeriod.optionalDate("to", to);
		if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
			throw new InvalidInsightsRequest("\"from\" must not be after \"to\"");
		}
		return new ConversationFilter(channelName, intent(blankToNull(intent)), ownerName, fromDay, toDay);
	}

	static Intent intent(String value) {
		if (value == null) {
			return null;
		}
		for (Intent intent : Intent.values()) {
			if (intent.value().equals(value)) {
				return intent;
			}
		}
		throw new InvalidInsightsRequest("\"intent\" is not one of the reply intents");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
