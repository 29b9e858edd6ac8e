package com.frontdesk.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a key may make in a period, written {@code 60/1m} (sixty a minute), {@code 10/1h}; {@code off}
 * for no limit. A key may use the whole allowance at once and gets it back evenly over the period.
 */
public record Rate(int requests, Duration per) {

	public static final Rate OFF = new Rate(0, Duration.ZERO);

	private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\S+)");

	public Rate {
		if (requests < 0 || per.isNegative() || requests > 0 && per.isZero()) {
			throw new IllegalArgumentException("A rate is a number of requests per period, such as 60/1m");
		}
	}

	/** Parses {@code 60/1m}, {@code 5/30s}, {@code 10/1h} or {@code off}. */
	public static Rate valueOf(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.equals("off") || value.equals("none") || value.isEmpty()) {
			return OFF;
		}
		Matcher rate = TEXT.matcher(value);
		if (!rate.matches()) {
			throw new IllegalArgumentException("Not a rate: " + text + " (write it as 60/1m, 10/1h or off)");
		}
		return new Rate(Integer.parseInt(rate.group(1)), DurationStyle.detectAndParse(rate.group(2)));
	}

	public boolean off() {
		return requests == 0;
	}

	@Override
	public String toString() {
		return off() ? "off" : requests + "/" + per;
	}

}
