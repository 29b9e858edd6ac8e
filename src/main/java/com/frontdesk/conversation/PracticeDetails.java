package com.frontdesk.conversation;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the practice profile's details a message about the practice asks for, in English or Spanish: "what number
 * can I call" the phone, "are you open today" whether the office is open now and its hours. A message that names none of them ("what's your
 * email address?", "which bus goes there?") asks for something the profile does not hold.
 */
final class PracticeDetails {

	enum Detail {

		PHONE, ADDRESS, HOURS, OPEN_NOW, BOOKING

	}

	private static final Pattern PHONE = Pattern.compile(
			"\\b(?:phone|telephone|tel|number|call|ring|contact|reach (?:you|the office|someone)"
					+ "|tel[eé]fono|n[uú]mero|llamar|llamarles|contactar|contacto)\\b");

	/** The address, also misspelt ("adress"), and where the office is ("where exactly are you?"), in English or Spanish. */
	private static final Pattern ADDRESS = Pattern.compile("(?<!e-mail |email |web |e mail )\\bad{1,2}res{1,2}\\b"
			+ "|\\b(?:where (?:\\w+ )?(?:are|is|r) (?:you|u|(?:the |your )?(?:office|practice|clinic|clinc))"
			+ "|get (?:to|there)|find (?:you|the office|your office|the practice|the clinic)|located|location|directions|gps|street"
			+ "|postcode|zip code|direcci[oó]n|d[oó]nde (?:est[aá]n|queda|se encuentra)|ubicad[oa]s?|ubicaci[oó]n|c[oó]mo llego|calle)\\b");

	/** The opening hours; "how many hours" measures something else (how long the operation takes). */
	private static final Pattern HOURS = Pattern.compile("\\b(?:(?<!how many )hours|open|opening|opens|close|closing|closes|closed"
			+ "|what time|weekends?|saturdays?|sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|holidays?"
			+ "|horarios?|abiert[oa]s?|abren|cierran|cerrad[oa]s?|a qu[eé] hora|s[aá]bados?|domingos?|fines? de semana)\\b");

	private static final Pattern NOW = Pattern.compile("\\b(?:today|now|tonight|this (?:morning|afternoon|evening)|at the moment|currently"
			+ "|hoy|ahora|esta (?:mañana|tarde))\\b");

	private static final Pattern BOOKING = Pattern.compile("\\b(?:book|booking|online|website|web site|reservar|en l[ií]nea|p[aá]gina web)\\b");

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
