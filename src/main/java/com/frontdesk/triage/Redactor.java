package com.frontdesk.triage;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Removes the personal data a patient typed (e-mail addresses, phone numbers, dates such as a date of birth,
 * names they give) before a message leaves the service, for instance to a language model.
 */
@Component
public class Redactor {

	private static final Pattern EMAIL = Pattern.compile("(?iu)[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\(?\\d{2,4}\\)?){2,5}(?![\\w])");

	private static final Pattern DATE = Pattern.compile("(?iu)\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b"
			+ "|\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?"
			+ "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b"
			+ "|\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?"
			+ "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?),? \\d{4}\\b");

	private static final Pattern NAME = Pattern.compile("(?u)\\b((?i:my name is|my name's|name is|i am called|call me|this is|"
			+ "me llamo|mi nombre es|soy))\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");

	private static final Pattern ID_NUMBER = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{9,}\\b");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:name|email|phone|date|number)]");

	/** The redacted text without the placeholders: what is left to search the knowledge with. */
	public String searchable(String text) {
		return PLACEHOLDER.matcher(redact(text)).replaceAll(" ").replaceAll("\\s+", " ").strip();
	}

	/** The text with personal data replaced by placeholders such as {@code [email]}. */
	public String redact(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String redacted = EMAIL.matcher(text).replaceAll("[email]");
		redacted = DATE.matcher(redacted).replaceAll("[date]");
		redacted = ID_NUMBER.matcher(redacted).replaceAll("[number]");
		redacted = PHONE.matcher(redacted).replaceAll("[phone]");
		return NAME.matcher(redacted).replaceAll("$1 [name]");
	}

}
