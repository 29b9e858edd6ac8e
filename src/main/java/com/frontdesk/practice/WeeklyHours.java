package com.frontdesk.practice;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The office's weekly opening hours, read from {@code frontdesk.practice.hours.<day>} settings such as
 * {@code 08:00-17:00}, {@code 08:00-12:00,13:00-17:00} or {@code closed}. A day that is not set is closed; no
 * setting at all means the sample week, Monday to Friday 8 am to 5 pm.
 */
public final class WeeklyHours {

	/** One opening period of a day, in minutes after midnight, end exclusive (at most 24:00). */
	record Period(int start, int end) {
	}

	private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

	private static final String SAMPLE_DAY = "08:00-17:00";

	private final Map<DayOfWeek, List<Period>> days;

	private WeeklyHours(Map<DayOfWeek, List<Period>> days) {
		this.days = days;
	}

	/**
	 * @param settings day name (any case: {@code monday}, {@code MONDAY}) to its hours
	 * @throws IllegalArgumentException naming the setting that is not understood
	 */
	public static WeeklyHours parse(Map<String, String> settings) {
		Map<String, String> given = settings == null || settings.isEmpty() ? sample() : settings;
		Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day, List.of());
		}
		given.forEach((name, value) -> days.put(day(name), periods(name, value)));
		return new WeeklyHours(days);
	}

	private static Map<String, String> sample() {
		return Map.of("monday", SAMPLE_DAY, "tuesday", SAMPLE_DAY, "wednesday", SAMPLE_DAY, "thursday", SAMPLE_DAY,
				"friday", SAMPLE_DAY);
	}

	private static DayOfWeek day(String name) {
		try {
			return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("frontdesk.practice.hours." + name
					+ " is not a day of the week (monday ... sunday)");
		}
	}

	private static List<Period> periods(String name, String value) {
		String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (text.isEmpty() || text.equals("closed") || text.equals("off") || text.equals("-")) {
			return List.of();
		}
		List<Period> periods = new ArrayList<>();
		for (String range : text.split(",")) {
			Matcher m = RANGE.matcher(range.strip());
			if (!m.matches()) {
				throw invalid(name, value);
			}
			int start = minutes(m.group(1), m.group(2));
			int end = minutes(m.group(3), m.group(4));
			if (start < 0 || end < 0 || start >= end || start >= 24 * 60
					|| (!periods.isEmpty() && start < periods.get(periods.size() - 1).end())) {
				throw invalid(name, value);
			}
			periods.add(new Period(start, end));
		}
		return List.copyOf(periods);
	}

	private static int minutes(String hours, String minutes) {
		int h = Integer.parseInt(hours);
		int m = Integer.parseInt(minutes);
		if (m > 59 || h > 24 || (h == 24 && m > 0)) {
			return -1;
		}
		return h * 60 + m;
	}

	private static IllegalArgumentException invalid(String name, String value) {
		return new IllegalArgumentException("frontdesk.practice.hours." + name + "=" + value
				+ " is not understood: write 08:00-17:00, several periods in order as 08:00-12:00,13:00-17:00, or closed");
	}

	List<Period> on(DayOfWeek day) {
		return days.get(day);
	}

	boolean alwaysClosed() {
		return days.values().stream().allMatch(List::isEmpty);
	}

	/**
	 * How the week is said in a language: day names, times and the words between them ({@code {first}},
	 * {@code {last}}, {@code {start}}, {@code {end}} are filled in).
	 * @param range "{first} to {last}"
	 * @param pair "{first} and {last}"
	 * @param period "{start} to {end}"
	 * @param and between two periods of a day
	 * @param byAppointment the week when the office is never open
	 * @param twentyFourHours times as "17:00" rather than "5 pm"
	 */
	public record Words(Locale locale, String range, String pair, String period, String and, String byAppointment,
			boolean twentyFourHours) {

		static final Words ENGLISH = new Words(Locale.ENGLISH, "{first} to {last}", "{first} and {last}",
				"{start} to {end}", " and ", "by appointment", false);

	}

	/** The week in words, consecutive days with the same hours together: "Monday to Friday, 8 am to 5 pm". */
	public String describe() {
		return describe(Words.ENGLISH);
	}

	/** The week in the words of a language: "lunes a viernes, de 8:00 a 17:00". */
	public String describe(Words words) {
		if (alwaysClosed()) {
			return words.byAppointment();
		}
		List<String> parts = new ArrayList<>();
		DayOfWeek[] week = DayOfWeek.values();
		int i = 0;
		while (i < week.length) {
			List<Period> hours = days.get(week[i]);
			int j = i;
			while (j + 1 < week.length && days.get(week[j + 1]).equals(hours)) {
				j++;
			}
			if (!hours.isEmpty()) {
				parts.add(dayRange(week[i], week[j], words) + ", " + periodsInWords(hours, words));
			}
			i = j + 1;
		}
		return String.join("; ", parts);
	}

	private static String dayRange(DayOfWeek first, DayOfWeek last, Words words) {
		String firstName = first.getDisplayName(TextStyle.FULL, words.locale());
		if (first == last) {
			return firstName;
		}
		String between = last.getValue() - first.getValue() == 1 ? words.pair() : words.range();
		return between.replace("{first}", firstName)
			.replace("{last}", last.getDisplayName(TextStyle.FULL, words.locale()));
	}

	private static String periodsInWords(List<Period> periods, Words words) {
		List<String> said = periods.stream()
			.map(p -> words.period().replace("{start}", time(p.start(), words)).replace("{end}", time(p.end(), words)))
			.toList();
		return String.join(words.and(), said);
	}

	private static String time(int minutes, Words words) {
		return words.twentyFourHours() ? clockTime(minutes) : time(minutes);
	}

	/** A time of day on the 24-hour clock: "8:00", "17:30". */
	static String clockTime(int minutes) {
		int m = minutes % 60;
		return minutes / 60 + ":" + (m < 10 ? "0" + m : m);
	}

	static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	/** A time of day as patients read it: "8 am", "8:30 am", "12 pm", "5 pm", "midnight". */
	static String time(int minutes) {
		if (minutes % (24 * 60) == 0) {
			return "midnight";
		}
		int h = minutes / 60;
		int m = minutes % 60;
		String suffix = h < 12 ? " am" : " pm";
		int clock = h % 12 == 0 ? 12 : h % 12;
		return (m == 0 ? String.valueOf(clock) : clock + ":" + (m < 10 ? "0" + m : m)) + suffix;
	}

}
