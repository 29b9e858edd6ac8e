package com.frontdesk.practice;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.WeeklyHours.Period;

/**
 * When the practice's office is open, and what to tell a patient about when to expect a call, from the practice
 * profile ({@code frontdesk.practice.hours.*}, {@code time-zone}, {@code callback-within},
 * {@code same-day-appointments}). Times are the office's local times, daylight saving included.
 * <p>
 * For every feature that promises the patient a call or a person: callback requests, and a handoff to staff after
 * hours ({@link #callbackSentence(Instant)} says when, {@link #isOpen(Instant)} whether someone is there now).
 */
@Component
public class OpeningHours {

	private static final int DAY = 24 * 60;

	private final WeeklyHours week;

	/** The hours as the practice words them ({@code frontdesk.practice.opening-hours}, said from the week if unset). */
	private final String inWords;

	private final ZoneId zone;

	private final Duration callbackWithin;

	private final boolean sameDayAppointments;

	private final Set<LocalDate> closedOn;

	private final Clock clock;

	public OpeningHours(PracticeProfile practice, Clock clock) {
		this.closedOn = Set.copyOf(practice.closedOn());
		this.week = practice.weeklyHours();
		this.inWords = practice.openingHours();
		this.zone = practice.timeZone();
		this.callbackWithin = practice.callbackWithin();
		this.sameDayAppointments = practice.sameDayAppointments();
		this.clock = clock;
	}

	/** Whether the office is open at that moment. */
	public boolean isOpen(Instant at) {
		return currentPeriod(at.atZone(zone)).isPresent();
	}

	public boolean isOpenNow() {
		return isOpen(clock.instant());
	}

	/**
	 * The start of the next opening period after {@code at} (while the office is open, the one after the current
	 * period), in the office's time zone; empty when no day of the week has opening hours.
	 */
	public Optional<ZonedDateTime> nextOpening(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		for (int days = 0; days <= 7 + closedOn.size(); days++) {
			LocalDate date = local.toLocalDate().plusDays(days);
			for (Period period : periodsOn(date)) {
				ZonedDateTime start = at(date, period.start());
				if (start.isAfter(local)) {
					return Optional.of(start);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * When the patient can expect the call, as words that fit after "we will call you back": while open with time
	 * left, "today, usually within 2 hours"; near closing, "today if we can, otherwise tomorrow after 8 am";
	 * when closed, "today after 1 pm", "tomorrow after 8 am" or "on Tuesday after 8 am".
	 */
	public String expectedCall(Instant at) {
		return expectedCall(at, CallWords.ENGLISH);
	}

	/** {@link #expectedCall(Instant)} in the words of a language ("hoy, normalmente en menos de 2 horas"). */
	public String expectedCall(Instant at, CallWords words) {
		ZonedDateTime local = at.atZone(zone);
		Optional<ZonedDateTime> closing = currentPeriod(local).map(period -> at(local.toLocalDate(), period.end()));
		Optional<ZonedDateTime> next = nextOpening(at);
		if (closing.isPresent()) {
			if (!local.plus(callbackWithin).isAfter(closing.get())) {
				return words.get("within").replace("{duration}", duration(callbackWithin, words));
			}
			return next.map(opening -> words.get("today-or").replace("{when}", when(local, opening, words)))
				.orElse(words.get("today-if-we-can"));
		}
		return next.map(opening -> when(local, opening, words)).orElse(words.get("as-soon-as-we-can"));
	}

	/**
	 * A sentence for the patient about when the practice will call back, with the office hours when it is closed
	 * and the same-day appointment offer when the practice makes it: "We will call you back today, usually within 2
	 * hours."
	 */
	public String callbackSentence(Instant at) {
		return callbackSentence(at, CallWords.ENGLISH, inWords);
	}

	/**
	 * {@link #callbackSentence(Instant)} in the words of a language.
	 * @param hoursInWords the office hours in that language
	 */
	public String callbackSentence(Instant at, CallWords words, String hoursInWords) {
		String key = isOpen(at) ? "open" : closedOn.contains(at.atZone(zone).toLocalDate()) ? "closed-today" : "closed";
		String sentence = words.get(key).replace("{hours}", hoursInWords).replace("{expected}", expectedCall(at, words));
		return sameDayAppointments ? sentence + " " + words.get("same-day") : sentence;
	}

	/** Whether the practice offers same-day appointments ({@code frontdesk.practice.same-day-appointments}). */
	public boolean sameDayAppointments() {
		return sameDayAppointments;
	}

	/** The weekly hours in words, e.g. "Monday to Friday, 8 am to 5 pm". */
	public String describe() {
		return week.describe();
	}

	public ZoneId timeZone() {
		return zone;
	}

	private Optional<Period> currentPeriod(ZonedDateTime local) {
		int minute = local.getHour() * 60 + local.getMinute();
		return periodsOn(local.toLocalDate())
			.stream()
			.filter(period -> period.start() <= minute && minute < period.end())
			.findFirst();
	}

	/** The opening periods of a date: its weekday's, or none on a date the office is closed. */
	private List<Period> periodsOn(LocalDate date) {
		return closedOn.contains(date) ? List.of() : week.on(date.getDayOfWeek());
	}

	private ZonedDateTime at(LocalDate date, int minutes) {
		return minutes >= DAY ? date.plusDays(1).atStartOfDay(zone)
				: date.atStartOfDay(zone).withHour(minutes / 60).withMinute(minutes % 60);
	}

	private static String when(ZonedDateTime now, ZonedDateTime opening, CallWords words) {
		long days = ChronoUnit.DAYS.between(now.toLocalDate(), opening.toLocalDate());
		String key = days == 0 ? "today" : days == 1 ? "tomorrow" : days < 7 ? "weekday" : days < 14 ? "next-weekday"
				: "date";
		int minutes = opening.getHour() * 60 + opening.getMinute();
		return words.get(key)
			.replace("{day}", opening.getDayOfWeek().getDisplayName(TextStyle.FULL, words.locale()))
			.replace("{date}", opening.format(DateTimeFormatter.ofPattern(words.get("date-pattern"), words.locale())))
			.replace("{time}", words.twentyFourHours() ? WeeklyHours.clockTime(minutes) : WeeklyHours.time(minutes));
	}

	private static String duration(Duration duration, CallWords words) {
		long minutes = duration.toMinutes();
		if (minutes % 60 != 0 || minutes < 60) {
			return words.get(minutes == 1 ? "minute" : "minutes").replace("{n}", String.valueOf(minutes));
		}
		long hours = minutes / 60;
		return words.get(hours == 1 ? "hour" : "hours").replace("{n}", String.valueOf(hours));
	}

}
