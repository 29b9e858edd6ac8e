package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/** What patients are told about when the office is open and when to expect a call. */
class OpeningHoursTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	/** Monday to Friday 8 to 5, in New York, calls within 2 hours: the sample practice. */
	final OpeningHours sample = hours(Map.of(), false);

	@Test
	void isOpenDuringOfficeHoursInTheOfficesTimeZone() {
		assertThat(sample.isOpen(at("2026-11-23T08:00"))).as("Monday 8:00").isTrue();
		assertThat(sample.isOpen(at("2026-11-23T16:59"))).as("Monday 16:59").isTrue();
		assertThat(sample.isOpen(at("2026-11-23T17:00"))).as("Monday 17:00").isFalse();
		assertThat(sample.isOpen(at("2026-11-23T07:59"))).as("Monday 7:59").isFalse();
		assertThat(sample.isOpen(at("2026-11-28T10:00"))).as("Saturday").isFalse();
		assertThat(sample.isOpen(Instant.parse("2026-11-23T14:00:00Z"))).as("9 am in New York").isTrue();
		assertThat(sample.isOpen(Instant.parse("2026-11-23T12:30:00Z"))).as("7:30 am in New York").isFalse();
	}

	@Test
	void insideHoursTheCallComesTodayWithinTheUsualTime() {
		assertThat(sample.expectedCall(at("2026-11-24T10:00"))).isEqualTo("today, usually within 2 hours");
		assertThat(sample.callbackSentence(at("2026-11-24T10:00")))
			.isEqualTo("We will call you back today, usually within 2 hours.");
	}

	@Test
	void nearClosingTheCallMayOnlyComeOnTheNextOpeningDay() {
		assertThat(sample.expectedCall(at("2026-11-24T16:00"))).isEqualTo("today if we can, otherwise tomorrow after 8 am");
		assertThat(sample.expectedCall(at("2026-11-27T15:30"))).as("Friday afternoon")
			.isEqualTo("today if we can, otherwise on Monday after 8 am");
	}

	@Test
	void outsideHoursThePatientIsToldWhenTheOfficeOpens() {
		assertThat(sample.expectedCall(at("2026-11-24T06:30"))).isEqualTo("today after 8 am");
		assertThat(sample.expectedCall(at("2026-11-24T19:00"))).isEqualTo("tomorrow after 8 am");
		assertThat(sample.expectedCall(at("2026-11-27T18:00"))).as("Friday evening").isEqualTo("on Monday after 8 am");
		assertThat(sample.expectedCall(at("2026-11-29T12:00"))).as("Sunday").isEqualTo("tomorrow after 8 am");
		assertThat(sample.callbackSentence(at("2026-11-28T09:00"))).isEqualTo(
				"The office is closed right now (Monday to Friday, 8 am to 5 pm), so we will call you back on Monday after 8 am.");
	}

	@Test
	void aLunchBreakIsAClosedPeriod() {
		OpeningHours split = hours(Map.of("tuesday", "08:00-12:00, 13:30-17:00"), false);

		assertThat(split.isOpen(at("2026-11-24T12:15"))).isFalse();
		assertThat(split.expectedCall(at("2026-11-24T12:15"))).isEqualTo("today after 1:30 pm");
		assertThat(split.nextOpening(at("2026-11-24T12:15"))).hasValue(at("2026-11-24T13:30").atZone(NEW_YORK));
		assertThat(split.expectedCall(at("2026-11-24T18:00"))).as("open on Tuesdays only").isEqualTo("next Tuesday after 8 am");
		assertThat(split.describe()).isEqualTo("Tuesday, 8 am to 12 pm and 1:30 pm to 5 pm");
	}

	@Test
	void sameDayAppointmentsAreOfferedWhenThePracticeSaysSo() {
		OpeningHours offering = hours(Map.of(), true);

		assertThat(offering.callbackSentence(at("2026-11-24T10:00"))).isEqualTo(
				"We will call you back today, usually within 2 hours. Same-day appointments are often available: ask when we call.");
		assertThat(sample.callbackSentence(at("2026-11-24T10:00"))).doesNotContain("Same-day");
	}

	@Test
	void followsDaylightSavingTime() {
		Instant summerNine = Instant.parse("2026-07-06T13:00:00Z"); // Monday 9 am EDT (UTC-4)
		Instant winterNine = Instant.parse("2026-11-23T14:00:00Z"); // Monday 9 am EST (UTC-5)

		assertThat(sample.isOpen(summerNine)).isTrue();
		assertThat(sample.isOpen(winterNine)).isTrue();
		assertThat(sample.isOpen(Instant.parse("2026-07-06T12:00:00Z"))).as("8 am EDT").isTrue();
		assertThat(sample.isOpen(Instant.parse("2026-11-23T12:00:00Z"))).as("the same UTC time is 7 am EST").isFalse();
	}

	@Test
	void describesTheWeekInWordsForTheFreeTextHours() {
		OpeningHours week = hours(Map.of("monday", "08:00-17:00", "tuesday", "08:00-17:00", "wednesday", "08:00-17:00",
				"thursday", "08:00-17:00", "friday", "08:00-12:00", "saturday", "closed", "sunday", "closed"), false);

		assertThat(sample.describe()).isEqualTo("Monday to Friday, 8 am to 5 pm");
		assertThat(week.describe()).isEqualTo("Monday to Thursday, 8 am to 5 pm; Friday, 8 am to 12 pm");
		assertThat(new PracticeProfile("P", "+1", "https://b", "https://w", "a", null, "911", "988",
				Map.of("saturday", "09:00-12:30", "sunday", "09:00-12:30"), NEW_YORK, false, Duration.ofHours(1), List.of())
			.openingHours()).isEqualTo("Saturday and Sunday, 9 am to 12:30 pm");
	}

	@Test
	void onHolidaysTheOfficeIsClosedAndThePatientIsToldTheNextOpeningDay() {
		OpeningHours christmas = hours(Map.of(), false, LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"));

		assertThat(christmas.isOpen(at("2026-12-25T10:00"))).as("Christmas, a Friday").isFalse();
		assertThat(christmas.callbackSentence(at("2026-12-25T10:00")))
			.isEqualTo("The office is closed today, so we will call you back on Tuesday after 8 am.");
		assertThat(christmas.expectedCall(at("2026-12-24T16:00"))).as("the afternoon before")
			.isEqualTo("today if we can, otherwise on Tuesday after 8 am");
		assertThat(christmas.isOpen(at("2026-12-29T10:00"))).as("the Tuesday after").isTrue();
	}

	@Test
	void holidaysAreSetAsIsoDatesLikeEveryOtherSetting() {
		PracticeProfile practice = new Binder(
				List.of(new MapConfigurationPropertySource(Map.of("frontdesk.practice.closed-on", "2026-12-25, 2027-01-01"))), null,
				ApplicationConversionService.getSharedInstance())
			.bind("frontdesk.practice", PracticeProfile.class)
			.get();

		assertThat(practice.closedOn()).containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01"));
	}

	@Test
	void aLongClosureNamesTheDateOfReopening() {
		LocalDate[] closure = LocalDate.parse("2026-12-21").datesUntil(LocalDate.parse("2027-01-06")).toArray(LocalDate[]::new);
		OpeningHours away = hours(Map.of(), false, closure);

		assertThat(away.expectedCall(at("2026-12-19T10:00"))).as("a Saturday before two weeks away")
			.isEqualTo("on January 6 after 8 am");
	}

	@Test
	void aPracticeThatIsNeverOpenPromisesNoTime() {
		OpeningHours never = hours(Map.of("monday", "closed"), false);

		assertThat(never.isOpen(at("2026-11-23T10:00"))).isFalse();
		assertThat(never.nextOpening(at("2026-11-23T10:00"))).isEmpty();
		assertThat(never.expectedCall(at("2026-11-23T10:00"))).isEqualTo("as soon as the office can");
	}

	@Test
	void refusesHoursItCannotRead() {
		for (String wrong : new String[] { "8-5", "08:00-07:00", "25:00-26:00", "08:00-12:00,11:00-13:00", "nine to five" }) {
			assertThatThrownBy(() -> hours(Map.of("monday", wrong), false)).as(wrong)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("frontdesk.practice.hours.monday");
		}
		assertThatThrownBy(() -> hours(Map.of("funday", "08:00-17:00"), false))
			.hasMessageContaining("not a day of the week");
	}

	private static OpeningHours hours(Map<String, String> days, boolean sameDay, LocalDate... closedOn) {
		PracticeProfile practice = new PracticeProfile("Sample Spine Practice", "+1-555-0100",
				"https://www.example.com/book", "https://www.example.com", "100 Sample Street", null, "911", "988", days,
				NEW_YORK, sameDay, Duration.ofHours(2), List.of(closedOn));
		return new OpeningHours(practice, Clock.systemUTC());
	}

	private static Instant at(String newYorkTime) {
		return LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant();
	}

}
