package com.frontdesk.practice;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/**
 * A practice as the deployment's operator creates it at run time ({@code POST /api/admin/practices}): the same
 * profile keys as {@code frontdesk.practice.*}, the knowledge folder on the server and the web origins whose pages
 * may embed its widget. Its messaging accounts are set in settings only (they come with secrets).
 *
 * @param id its id ({@link PracticeId})
 * @param profile its profile
 * @param knowledgeDir the absolute path of an existing folder on the server, no other practice's
 * @param allowedOrigins origins such as {@code https://www.eastside.example}
 */
public record PracticeForm(String id, Profile profile, String knowledgeDir, List<String> allowedOrigins) {

	private static final int MAX_TEXT = 200;

	private static final int MAX_URL = 500;

	/** Nothing a {@code tel:} link would drop but separators (and at least three digits, {@link #number}). */
	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ().-]{3,40}");

	/**
	 * The profile, as {@link PracticeProfile} has it; name, phone, booking URL, website and address are required, the
	 * rest default as in settings (911, 988, Monday to Friday 8 to 5, New York time, call back within 2 hours).
	 */
	public record Profile(String name, String phone, String bookingUrl, String website, String address,
			String openingHours, String emergencyNumber, String crisisLine, Map<String, String> hours, String timeZone,
			Boolean sameDayAppointments, String callbackWithin, List<String> closedOn) {
	}

	/** What is missing or wrong, field by field (the folder's existence included); empty when it can be created. */
	public List<InvalidField> problems() {
		List<InvalidField> problems = new ArrayList<>();
		try {
			PracticeId.parse(id);
		}
		catch (InvalidPracticeId ex) {
			problems.add(new InvalidField("id", ex.getMessage()));
		}
		profileProblems(problems);
		folderProblems(problems);
		originProblems(problems);
		return problems;
	}

	/** What is wrong with this form as a change of a practice's profile and origins (its id and folder stay). */
	List<InvalidField> changeProblems() {
		List<InvalidField> problems = new ArrayList<>();
		profileProblems(problems);
		originProblems(problems);
		return problems;
	}

	/** A served practice as a form, its profile and origins as they are, to change some of them. */
	static PracticeForm of(Practice practice) {
		PracticeProfile p = practice.profile();
		// Hours said in words from the week are said again from the changed week.
		String words = p.openingHours().equals(p.weeklyHours().describe()) ? null : p.openingHours();
		return new PracticeForm(practice.id().value(),
				new Profile(p.name(), p.phone(), p.bookingUrl(), p.website(), p.address(), words, p.emergencyNumber(),
						p.crisisLine(), p.hours(), p.timeZone().getId(), p.sameDayAppointments(),
						simple(p.callbackWithin()), p.closedOn().stream().map(LocalDate::toString).toList()),
				practice.knowledgeDir().map(Path::toString).orElse(null), practice.allowedOrigins());
	}

	/** This form with the fields given changed; a field not given (null) stays as it is. */
	PracticeForm with(Profile given, List<String> origins) {
		Profile p = profile;
		Profile changed = given == null ? p
				: new Profile(or(given.name(), p.name()), or(given.phone(), p.phone()),
						or(given.bookingUrl(), p.bookingUrl()), or(given.website(), p.website()),
						or(given.address(), p.address()), or(given.openingHours(), p.openingHours()),
						or(given.emergencyNumber(), p.emergencyNumber()), or(given.crisisLine(), p.crisisLine()),
						or(given.hours(), p.hours()), or(given.timeZone(), p.timeZone()),
						or(given.sameDayAppointments(), p.sameDayAppointments()),
						or(given.callbackWithin(), p.callbackWithin()), or(given.closedOn(), p.closedOn()));
		return new PracticeForm(id, changed, knowledgeDir, or(origins, allowedOrigins));
	}

	/**
	 * The practice with this form's profile and origins, its id, folder and settings kept.
	 * @throws InvalidPractice when {@link #changeProblems()} are not empty
	 */
	Practice changing(Practice practice) {
		List<InvalidField> problems = changeProblems();
		if (!problems.isEmpty()) {
			throw new InvalidPractice(problems);
		}
		return new Practice(practice.id(), profile(profile), practice.knowledgeDir(), origins(),
				practice.channelAccounts(), practice.texts(), practice.textsInSpanish());
	}

	/** A duration as staff write it: 2h, 90m, 45s (what {@link #duration} reads back). */
	private static String simple(Duration duration) {
		long seconds = duration.toSeconds();
		if (duration.toNanosPart() != 0) {
			return duration.toMillis() + "ms";
		}
		if (seconds % 3600 == 0) {
			return seconds / 3600 + "h";
		}
		return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
	}

	private static <T> T or(T given, T kept) {
		return given != null ? given : kept;
	}

	private void originProblems(List<InvalidField> problems) {
		List<String> origins = allowedOrigins == null ? List.of() : allowedOrigins;
		for (int n = 0; n < origins.size(); n++) {
			if (!isOrigin(origins.get(n))) {
				problems.add(new InvalidField("allowedOrigins[" + n + "]",
						"An origin is a scheme and host (and port), such as https://www.eastside.example: no path, "
								+ "no wildcard."));
			}
		}
	}

	private List<String> origins() {
		return allowedOrigins == null ? List.of() : allowedOrigins.stream().map(PracticeForm::origin).toList();
	}

	/**
	 * The practice this form describes.
	 * @throws InvalidPractice when {@link #problems()} are not empty
	 */
	public Practice practice() {
		List<InvalidField> problems = problems();
		if (!problems.isEmpty()) {
			throw new InvalidPractice(problems);
		}
		return new Practice(PracticeId.parse(id), profile(profile), Optional.of(folder()), origins(), Map.of());
	}

	Path folder() {
		return Path.of(knowledgeDir.strip()).toAbsolutePath().normalize();
	}

	private void profileProblems(List<InvalidField> problems) {
		if (profile == null) {
			problems.add(new InvalidField("profile", "The practice's profile (name, phone, bookingUrl, website, "
					+ "address, ...) is required."));
			return;
		}
		required(problems, "name", profile.name(), MAX_TEXT);
		required(problems, "phone", profile.phone(), 40);
		number(problems, "phone", profile.phone());
		number(problems, "emergencyNumber", profile.emergencyNumber());
		number(problems, "crisisLine", profile.crisisLine());
		required(problems, "address", profile.address(), 300);
		url(problems, "bookingUrl", profile.bookingUrl());
		url(problems, "website", profile.website());
		optional(problems, "openingHours", profile.openingHours(), 300);
		optional(problems, "emergencyNumber", profile.emergencyNumber(), 40);
		optional(problems, "crisisLine", profile.crisisLine(), 40);
		try {
			WeeklyHours.parse(profile.hours());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidField("profile.hours", "Give each day as 08:00-17:00, several periods in order as "
					+ "08:00-12:00,13:00-17:00, or closed; days are monday ... sunday."));
		}
		if (present(profile.timeZone())) {
			try {
				ZoneId.of(profile.timeZone().strip());
			}
			catch (DateTimeException ex) {
				problems.add(new InvalidField("profile.timeZone", "A time zone such as America/Chicago."));
			}
		}
		if (present(profile.callbackWithin())) {
			Duration within = duration(profile.callbackWithin());
			if (within == null || within.isNegative() || within.isZero()) {
				problems.add(new InvalidField("profile.callbackWithin", "A positive duration such as 2h or 90m."));
			}
		}
		List<String> closed = profile.closedOn() == null ? List.of() : profile.closedOn();
		for (int n = 0; n < closed.size(); n++) {
			try {
				LocalDate.parse(closed.get(n).strip());
			}
			catch (RuntimeException ex) {
				problems.add(new InvalidField("profile.closedOn[" + n + "]", "A date such as 2026-12-25."));
			}
		}
	}

	private void folderProblems(List<InvalidField> problems) {
		if (!present(knowledgeDir)) {
			problems.add(new InvalidField("knowledgeDir", "The folder of the practice's knowledge files is required."));
			return;
		}
		try {
			Path given = Path.of(knowledgeDir.strip());
			if (!given.isAbsolute()) {
				problems.add(new InvalidField("knowledgeDir",
						"Give the folder as an absolute path on the server, the same on every instance."));
			}
			else if (!Files.isDirectory(given)) {
				problems.add(new InvalidField("knowledgeDir",
						"There is no folder at that path on the server: make it (with the practice's pages) first."));
			}
		}
		catch (InvalidPathException ex) {
			problems.add(new InvalidField("knowledgeDir", "That is not a path on the server."));
		}
	}

	private static PracticeProfile profile(Profile given) {
		return new PracticeProfile(given.name().strip(), given.phone().strip(), given.bookingUrl().strip(),
				given.website().strip(), given.address().strip(), blankToNull(given.openingHours()),
				orDefault(given.emergencyNumber(), "911"), orDefault(given.crisisLine(), "988"),
				given.hours() == null ? Map.of() : given.hours(),
				present(given.timeZone()) ? ZoneId.of(given.timeZone().strip()) : null,
				Boolean.TRUE.equals(given.sameDayAppointments()),
				present(given.callbackWithin()) ? duration(given.callbackWithin()) : Duration.ofHours(2),
				given.closedOn() == null ? List.of() : given.closedOn().stream().map(String::strip).map(LocalDate::parse)
					.toList());
	}

	private static Duration duration(String text) {
		try {
			return DurationStyle.detectAndParse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void required(List<InvalidField> problems, String field, String value, int max) {
		if (!present(value)) {
			problems.add(new InvalidField("profile." + field, "Required."));
		}
		else {
			optional(problems, field, value, max);
		}
	}

	private static void optional(List<InvalidField> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new InvalidField("profile." + field, "At most " + max + " characters."));
		}
	}

	/** A number patients call (a {@code tel:} link is made of it): digits, with {@code + - ( ) .} and spaces. */
	private static void number(List<InvalidField> problems, String field, String value) {
		if (present(value) && (!PHONE.matcher(value.strip()).matches() || value.chars().filter(Character::isDigit)
			.count() < 3)) {
			problems.add(new InvalidField("profile." + field,
					"A number to call: digits, optionally with +, -, (, ), dots and spaces, such as +1-555-0177 or 911."));
		}
	}

	private static void url(List<InvalidField> problems, String field, String value) {
		if (!present(value)) {
			problems.add(new InvalidField("profile." + field, "Required."));
			return;
		}
		if (value.strip().length() > MAX_URL || !isWebAddress(value.strip())) {
			problems.add(new InvalidField("profile." + field, "A web address starting with https:// (or http://)."));
		}
	}

	private static boolean isWebAddress(String value) {
		try {
			URI uri = new URI(value);
			return uri.getScheme() != null && List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isOrigin(String value) {
		if (!present(value) || value.contains("*") || value.length() > MAX_URL) {
			return false;
		}
		try {
			URI uri = new URI(origin(value));
			return isWebAddress(uri.toString()) && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
					&& uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** An origin as CORS compares it: lower case, no trailing slash. */
	private static String origin(String value) {
		String trimmed = value.strip().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	private static String orDefault(String value, String fallback) {
		return present(value) ? value.strip() : fallback;
	}

	private static String blankToNull(String value) {
		return present(value) ? value.strip() : null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
