package com.frontdesk.booking;

import java.util.regex.Pattern;

/**
 * Checks that a phone number a patient typed has the shape of a real one and writes it in E.164
 * ({@code +16505551234}). A number without a country code is read as a number of
 * {@code frontdesk.callbacks.default-country-code} (North American numbers: ten digits, area code and exchange not
 * starting with 0 or 1; elsewhere a leading trunk 0 is dropped). Letters, extensions and anything but digits,
 * spaces and {@code + - . ( ) /} are refused.
 */
public final class PhoneNumbers {

	/**
	 * What became of a number: the E.164 form, or why it was refused (never repeating the number).
	 *
	 * @param problem why it was refused: the key of the text that says so ({@code callback.problem.<problem>} of the
	 * bundles, {@link CallbackRequests#phone(String, com.frontdesk.practice.PracticeId, boolean)} gives the words), or
	 * null
	 */
	public record Result(String number, String problem) {

		public boolean valid() {
			return number != null;
		}

	}

	private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ().\\-/]+");

	private static final Pattern NANP = Pattern.compile("[2-9]\\d{2}[2-9]\\d{6}");

	private static final int MAX_TYPED = 40;

	private static final int MIN_INTERNATIONAL = 8;

	private static final int MAX_INTERNATIONAL = 15;

	private PhoneNumbers() {
	}

	public static Result normalise(String typed, String defaultCountryCode) {
		if (typed == null || typed.isBlank()) {
			return refused("phone-missing");
		}
		String text = typed.strip();
		if (text.length() > MAX_TYPED) {
			return refused("phone-too-long");
		}
		if (!ALLOWED.matcher(text).matches()) {
			return refused("phone-characters");
		}
		String digits = text.replaceAll("\\D", "");
		String country = defaultCountryCode == null ? "" : defaultCountryCode.replaceAll("\\D", "");
		if (text.startsWith("+")) {
			return international(digits);
		}
		if (digits.startsWith("00")) {
			return international(digits.substring(2));
		}
		if (country.equals("1") && digits.startsWith("011")) {
			return international(digits.substring(3));
		}
		return national(digits, country);
	}

	private static Result international(String digits) {
		if (digits.length() < MIN_INTERNATIONAL) {
			return refused("phone-too-short");
		}
		if (digits.length() > MAX_INTERNATIONAL) {
			return refused("phone-too-long");
		}
		if (digits.startsWith("0")) {
			return refused("phone-country-code");
		}
		if (digits.startsWith("1") && !(digits.length() == 11 && NANP.matcher(digits.substring(1)).matches())) {
			return refused("phone-north-american");
		}
		return new Result("+" + digits, null);
	}

	private static Result national(String digits, String country) {
		if (country.equals("1")) {
			String subscriber = digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
			if (subscriber.length() < 10) {
				return refused("phone-too-short");
			}
			if (subscriber.length() > 10) {
				return refused("phone-too-long");
			}
			if (!NANP.matcher(subscriber).matches()) {
				return refused("phone-area-code");
			}
			return new Result("+1" + subscriber, null);
		}
		String national = digits.startsWith("0") ? digits.substring(1) : digits;
		if (national.length() < 6) {
			return refused("phone-too-short");
		}
		if (country.isEmpty()) {
			return national.length() > MAX_INTERNATIONAL ? refused("phone-too-long")
					: new Result(digits, null);
		}
		if (country.length() + national.length() > MAX_INTERNATIONAL) {
			return refused("phone-too-long");
		}
		return new Result("+" + country + national, null);
	}

	private static Result refused(String problem) {
		return new Result(null, problem);
	}

	/** The number grouped for reading it back to the patient: {@code +1 650 555 1234}. */
	public static String readable(String e164) {
		if (e164 != null && e164.matches("\\+1\\d{10}")) {
			return "+1 " + e164.substring(2, 5) + " " + e164.substring(5, 8) + " " + e164.substring(8);
		}
		return e164;
	}

}
