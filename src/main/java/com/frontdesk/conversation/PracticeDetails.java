package com.frontdesk.conversation;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the practice profile's details a message about the practice asks for: "what number can I call" the phone,
 * "are you open today" whether the office is open now and its hours. A message that names none of them ("what's your
 * email address?", "which bus goes there?") asks for something the profile does not hold.
 */
final class PracticeDetails {

	enum Detail {

		PHONE, ADDRESS, HOURS, OPEN_NOW, BOOKING

	}

	private static final Pattern PHONE = Pattern.compile(
			"\\b(?:phone|telephone|tel|number|call|ring|contact|reach (?:you|the office|someone))\\b");

	private static final Pattern ADDRESS = Pattern.compile("(?<!e-mail |email |web |e mail )\\baddress\\b"
			+ "|\\b(?:where (?:are|is|r) (?:you|u|the office|the practice|the clinic|your office|your practice|your clinic)"
			+ "|get (?:to|there)|find (?:you|the office|your office|the practice|the clinic)|located|location|directions|gps|street"
			+ "|postcode|zip code)\\b");

	private static final Pattern HOURS = Pattern.compile("\\b(?:hours|open|opening|opens|close|closing|closes|closed"
			+ "|what time|weekends?|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|holidays?)\\b");

	private static final Pattern NOW = Pattern.compile("\\b(?:today|now|tonight|this (?:morning|afternoon|evening)|at the moment|currently)\\b");

	private static final Pattern BOOKING = Pattern.compile("\\b(?:book|booking|online|website|web site)\\b");

	private PracticeDetails() {
	}

	static Set<Detail> asked(String message) {
		String text = Normalizer.normalize(message, Normalizer.Form.NFKC).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
		Set<Detail> asked = EnumSet.noneOf(Detail.class);
		if (PHONE.matcher(text).find()) {
			asked.add(Detail.PHONE);
		}
		if (ADDRESS.matcher(text).find()) {
			asked.add(Detail.ADDRESS);
		}
		if (HOURS.matcher(text).find()) {
			asked.add(NOW.matcher(text).find() ? Detail.OPEN_NOW : Detail.HOURS);
		}
		if (BOOKING.matcher(text).find()) {
			asked.add(Detail.BOOKING);
		}
		return asked;
	}

}
