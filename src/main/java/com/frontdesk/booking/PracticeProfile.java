package com.frontdesk.booking;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice's contact details, used in replies and actions. The defaults are clearly marked sample values:
 * a practice sets its own under {@code frontdesk.practice.*} (or {@code FRONTDESK_PRACTICE_*}).
 *
 * @param name the practice's name as patients know it
 * @param phone the number patients call
 * @param bookingUrl where patients book a consultation online
 * @param website the practice's website; relative source links in the knowledge resolve against it
 * @param address the street address
 * @param openingHours when the office answers the phone, in words
 * @param emergencyNumber the local emergency number
 * @param crisisLine the suicide and crisis line
 * @param timeZone the practice's time zone ({@code America/Chicago}); days in the admin reports are its days
 */
@ConfigurationProperties("frontdesk.practice")
public record PracticeProfile(@DefaultValue("Sample Spine Practice") String name,
		@DefaultValue("+1-555-0100") String phone, @DefaultValue("https://www.example.com/book") String bookingUrl,
		@DefaultValue("https://www.example.com") String website,
		@DefaultValue("100 Sample Street, Example City") String address,
		@DefaultValue("Monday to Friday, 8 am to 5 pm") String openingHours,
		@DefaultValue("911") String emergencyNumber, @DefaultValue("988") String crisisLine,
		@DefaultValue("UTC") ZoneId timeZone) {

	/** True while the sample profile is in use, so start-up can warn that it has not been configured. */
	public boolean isSample() {
		return phone.startsWith("+1-555-01") || bookingUrl.contains("example.com") || name.startsWith("Sample ");
	}

	/** The phone number as a {@code tel:} URI. */
	public static String telUri(String number) {
		return "tel:" + number.replaceAll("[^0-9+]", "");
	}

}
