package com.frontdesk.practice;

import java.util.Locale;
import java.util.Map;

/**
 * The words {@link OpeningHours} says when to expect a call or a reply with, in one language: English here, Spanish
 * from {@code booking/actions_es.properties} ({@code call.*}). Placeholders: {@code {duration}}, {@code {when}},
 * {@code {day}}, {@code {date}}, {@code {time}}, {@code {n}}, {@code {expected}}, {@code {hours}}.
 *
 * @param locale the language of day and month names
 * @param twentyFourHours times as "17:00" rather than "5 pm"
 * @param words each text by its key ({@link #KEYS})
 */
public record CallWords(Locale locale, boolean twentyFourHours, Map<String, String> words) {

	/** The keys every language has. */
	public static final java.util.List<String> KEYS = java.util.List.of("within", "today-or", "today-if-we-can",
			"as-soon-as-we-can", "today", "tomorrow", "weekday", "next-weekday", "date", "date-pattern", "minute",
			"minutes", "hour", "hours", "open", "closed-today", "closed", "same-day");

	public static final CallWords ENGLISH = new CallWords(Locale.ENGLISH, false, Map.ofEntries(
			Map.entry("within", "today, usually within {duration}"),
			Map.entry("today-or", "today if we can, otherwise {when}"), Map.entry("today-if-we-can", "today if we can"),
			Map.entry("as-soon-as-we-can", "as soon as the office can"), Map.entry("today", "today after {time}"),
			Map.entry("tomorrow", "tomorrow after {time}"), Map.entry("weekday", "on {day} after {time}"),
			Map.entry("next-weekday", "next {day} after {time}"), Map.entry("date", "on {date} after {time}"),
			Map.entry("date-pattern", "MMMM d"), Map.entry("minute", "{n} minute"), Map.entry("minutes", "{n} minutes"),
			Map.entry("hour", "{n} hour"), Map.entry("hours", "{n} hours"),
			Map.entry("open", "We will call you back {expected}."),
			Map.entry("closed-today", "The office is closed today, so we will call you back {expected}."),
			Map.entry("closed", "The office is closed right now ({hours}), so we will call you back {expected}."),
			Map.entry("same-day", "Same-day appointments are often available: ask when we call.")));

	public CallWords {
		words = Map.copyOf(words);
		for (String key : KEYS) {
			if (!words.containsKey(key)) {
				throw new IllegalArgumentException("The words for calls lack '" + key + "'");
			}
		}
	}

	String get(String key) {
		return words.get(key);
	}

}
