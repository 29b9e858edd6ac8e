package com.frontdesk.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.frontdesk.practice.PracticeId;

/**
 * Whole days in a practice's time zone, {@code from} to {@code to} inclusive, and the instants they span: the period of
 * one practice's report, whose queries read that practice's rows only.
 */
record ReportPeriod(PracticeId practice, LocalDate from, LocalDate to, ZoneId zone) {

	static final int MAX_DAYS = 366;

	static final int DEFAULT_DAYS = 30;

	/** The last {@code days} days up to and including today. */
	static ReportPeriod lastDays(PracticeId practice, int days, ZoneId zone, Clock clock) {
		if (days < 1 || days > MAX_DAYS) {
			throw new InvalidInsightsRequest("\"days\" must be between 1 and " + MAX_DAYS);
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return new ReportPeriod(practice, today.minusDays(days - 1L), today, zone);
	}

	/** The days between two optional dates (ISO, {@code 2026-11-24}); by default the last 30 days. */
	static ReportPeriod between(PracticeId practice, String from, String to, ZoneId zone, Clock clock) {
		LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(zone)) : date("to", to);
		LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
		if (start.isAfter(end)) {
			throw new InvalidInsightsRequest("\"from\" must not be after \"to\"");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
			throw new InvalidInsightsRequest("A report covers at most " + MAX_DAYS + " days");
		}
		return new ReportPeriod(practice, start, end, zone);
	}

	/** A date parameter, or null when it is absent. */
	static LocalDate optionalDate(String name, String value) {
		return value == null || value.isBlank() ? null : date(name, value);
	}

	private static LocalDate date(String name, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInsightsRequest("\"" + name + "\" must be a date such as 2026-11-24");
		}
	}

	/** The first instant of the period, for a query ({@code >=}). */
	OffsetDateTime start() {
		return startOf(from, zone);
	}

	/** The first instant after the period, for a query ({@code <}). */
	OffsetDateTime end() {
		return startOf(to.plusDays(1), zone);
	}

	List<LocalDate> days() {
		return from.datesUntil(to.plusDays(1)).toList();
	}

	LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
	}

}
