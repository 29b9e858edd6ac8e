package com.frontdesk.practice;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice's contact details and office hours, used in replies and actions. The defaults are clearly marked
 * sample values: a practice sets its own under {@code frontdesk.practice.*} (or {@code FRONTDESK_PRACTICE_*}).
 *
 * @param name the practice's name as patients know it
 * @param phone the number patients call
 * @param bookingUrl where patients book a consultation online
 * @param website the practice's website; relative source links in the knowledge resolve against it
 * @param address the street address
 * @param openingHours when the office answers the phone, in words; when not set, said from {@code hours}
 * @param emergencyNumber the local emergency number
 * @param crisisLine the suicide and crisis line
 * @param hours the office hours per day of the week ({@code hours.monday=08:00-17:00}, several periods as
 * {@code 08:00-12:00,13:00-17:00}, {@code closed}); a day not set is closed; none set: Monday to Friday 8 to 5
 * @param timeZone the office's time zone, in which {@code hours} are meant
 * @param sameDayAppointments whether the practice offers same-day appointments (patients asking for a call are told)
 * @param callbackWithin how soon the office usually calls back during opening hours
 * @param closedOn dates the office is closed whatever the weekday (holidays, {@code 2026-12-25}), in its time zone
 * @see OpeningHours
 */
@ConfigurationProperties("frontdesk.practice")
public record PracticeProfile(String name, String phone, String bookingUrl, String website, String address,
		String openingHours, String emergencyNumber, String crisisLine, Map<String, String> hours, ZoneId timeZone,
		boolean sameDayAppointments, Duration callbackWithin, List<LocalDate> closedOn) {

	@ConstructorBinding
	public PracticeProfile(@DefaultValue("Sample Spine Practice") String name, @DefaultValue("+1-555-0100") String phone,
			@DefaultValue("https://www.example.com/book") String bookingUrl,
			@DefaultValue("https://www.example.com") String website,
			@DefaultValue("100 Sample Street, Example City") String address, String openingHours,
			@DefaultValue("911") String emergencyNumber, @DefaultValue("988") String crisisLine, Map<String, String> hours,
			@DefaultValue("America/New_York") ZoneId timeZone, @DefaultValue("false") boolean sameDayAppointments,
			@DefaultValue("2h") Duration callbackWithin, List<LocalDate> closedOn) {
		this.name = name;
		this.phone = phone;
		this.bookingUrl = bookingUrl;
		this.website = website;
		this.address = address;
		this.hours = hours == null ? Map.of() : Map.copyOf(hours);
		WeeklyHours week = WeeklyHours.parse(this.hours);
		this.openingHours = openingHours == null || openingHours.isBlank() ? week.describe() : openingHours;
		this.emergencyNumber = emergencyNumber;
		this.crisisLine = crisisLine;
		this.timeZone = timeZone == null ? ZoneId.of("America/New_York") : timeZone;
		this.sameDayAppointments = sameDayAppointments;
		if (callbackWithin == null || callbackWithin.isNegative() || callbackWithin.isZero()) {
			throw new IllegalArgumentException("frontdesk.practice.callback-within must be a positive duration, e.g. 2h");
		}
		this.callbackWithin = callbackWithin;
		this.closedOn = closedOn == null ? List.of() : List.copyOf(closedOn);
	}

	/** The contact details alone, with the sample office hours (Monday to Friday, 8 am to 5 pm, New York time). */
	public PracticeProfile(String name, String phone, String bookingUrl, String website, String address,
			String openingHours, String emergencyNumber, String crisisLine) {
		this(name, phone, bookingUrl, website, address, openingHours, emergencyNumber, crisisLine, Map.of(), null, false,
				Duration.ofHours(2), List.of());
	}

	/** True while the sample profile is in use, so start-up can warn that it has not been configured. */
	public boolean isSample() {
		return phone.startsWith("+1-555-01") || bookingUrl.contains("example.com") || name.startsWith("Sample ");
	}

	/** The phone number as a {@code tel:} URI. */
	public static String telUri(String number) {
		return "tel:" + number.replaceAll("[^0-9+]", "");
	}

	WeeklyHours weeklyHours() {
		return WeeklyHours.parse(hours);
	}

}
