package com.frontdesk.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defence in depth for the logs: whatever a log line says, e-mail addresses, phone numbers (and other long digit
 * runs such as messaging ids), dates such as a date of birth and names introduced as names are masked before the line
 * is written. Code never logs what patients write; this catches what a library or an exception message might.
 * Identifiers are left as they are, so that a log line can still be matched to the record it is about: UUIDs
 * (conversations, callback requests, request ids), row numbers written {@code #1234567} and reply ids written
 * {@code replyId=1234567}. A phone number next to an identifier is still masked.
 */
public final class LogMasking {

	private static final Pattern EMAIL = Pattern.compile("(?iu)[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

	private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
			+ "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio"
			+ "|agosto|septiembre|octubre|noviembre|diciembre)";

	private static final Pattern DATE = Pattern.compile("(?iu)\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}\\b"
			+ "|\\b\\d{1,2}/\\d{1,2}/\\d{2}\\b|\\b(?:19|20)\\d{2}[/.-]\\d{1,2}[/.-]\\d{1,2}\\b"
			+ "|\\b" + MONTH + "\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2}\\b"
			+ "|\\b\\d{1,2}(?:st|nd|rd|th)? (?:of |de )?" + MONTH + ",?(?: de)? (?:19|20)\\d{2}\\b");

	/** A run of digits with the separators phone numbers are written with; masked from seven digits on. */
	private static final Pattern DIGITS = Pattern.compile("(?<![\\p{L}\\p{N}_+])\\+?\\(?\\d[\\d\\s().-]{4,}\\d(?![\\p{L}\\p{N}_])");

	private static final int PHONE_DIGITS = 7;

	private static final Pattern NAME = Pattern.compile("(?u)\\b((?i:my name is|my name's|i am called|me llamo|mi nombre es))"
			+ "\\s+\\p{L}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*){0,2}");

	/** Identifiers, kept whole: a UUID, a row number after {@code #}, a reply id after its name. */
	private static final Pattern IDENTIFIER = Pattern.compile(
			"(?<![\\p{L}\\p{N}_@.+-])\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12}(?![\\p{L}\\p{N}_@-])(?!\\.[\\p{L}\\p{N}])"
					+ "|(?<![\\p{L}\\p{N}_&#])#\\d{1,19}(?![\\p{L}\\p{N}_])"
					+ "|(?<![\\p{L}\\p{N}_])(?i:reply[_-]?id)[=:]\\s?\\d{1,19}(?![\\p{L}\\p{N}_])");

	private LogMasking() {
	}

	/** The text with personal data masked; the same text when there is none. */
	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		Matcher identifier = IDENTIFIER.matcher(text);
		if (!identifier.find()) {
			return maskFreeText(text);
		}
		StringBuilder result = new StringBuilder(text.length());
		int last = 0;
		do {
			result.append(maskFreeText(text.substring(last, identifier.start()))).append(identifier.group());
			last = identifier.end();
		}
		while (identifier.find());
		return result.append(maskFreeText(text.substring(last))).toString();
	}

	private static String maskFreeText(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String masked = EMAIL.matcher(text).replaceAll("[email]");
		masked = DATE.matcher(masked).replaceAll("[date]");
		masked = phones(masked);
		return NAME.matcher(masked).replaceAll("$1 [name]");
	}

	private static String phones(String text) {
		Matcher run = DIGITS.matcher(text);
		StringBuilder result = null;
		int last = 0;
		while (run.find()) {
			if (run.group().chars().filter(Character::isDigit).count() >= PHONE_DIGITS) {
				result = result == null ? new StringBuilder(text.length()) : result;
				result.append(text, last, run.start()).append("[phone]");
				last = run.end();
			}
		}
		return result == null ? text : result.append(text, last, text.length()).toString();
	}

}
