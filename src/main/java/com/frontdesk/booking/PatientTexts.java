package com.frontdesk.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.CallWords;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeProfile;
import com.frontdesk.practice.WeeklyHours;

/**
 * The texts Frontdesk writes itself for patients, in English or Spanish, from message bundles a non-developer can
 * review ({@code conversation/replies/messages*.properties}, {@code booking/actions*.properties},
 * {@code channels/texts*.properties}, {@code channels/widget*.properties}), with the practice's
 * details filled in ({@code {practice}}, {@code {phone}}, {@code {emergency}}, ...). A practice may word any text its
 * own way in its settings. A key missing from the Spanish bundle falls back to the English text; a key missing from
 * both is an error.
 */
@Component
public class PatientTexts {

	/** The website widget's own texts (its labels, notices and form), every key starting with {@code widget.}. */
	private static final String WIDGET = "channels/widget";

	static final String[] BUNDLES = { "conversation/replies/messages", "booking/actions", "channels/texts",
			WIDGET };

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

	public PatientTexts() {
		bundles.setBasenames(BUNDLES);
		bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
		bundles.setFallbackToSystemLocale(false);
	}

	/** The text of {@code key}, in the audience's language, with its practice's details filled in. */
	public String get(String key, Audience audience) {
		return fill(message(key, audience), audience);
	}

	/** {@link #get(String, Audience)} with placeholders of its own ({@code {when}} -> ...) filled in first. */
	public String get(String key, Audience audience, Map<String, String> values) {
		String text = message(key, audience);
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return fill(text, audience);
	}

	/**
	 * The website widget's own texts in the audience's language, as the practice words them, with the practice's
	 * details filled in; the widget fills in its own placeholders ({@code {status}}, {@code {when}}, ...).
	 */
	public Map<String, String> widget(Audience audience) {
		Map<String, String> texts = new TreeMap<>();
		widgetKeys().forEach(key -> texts.put(key, get(key, audience)));
		return texts;
	}

	/**
	 * The widget's texts as the bundles have them, by language ({@code en}, {@code es}), placeholders and all: what the
	 * widget shows until it has loaded its practice's own.
	 */
	public Map<String, Map<String, String>> bundledWidget() {
		Map<String, String> english = new TreeMap<>();
		Map<String, String> spanish = new TreeMap<>();
		for (String key : widgetKeys()) {
			english.put(key, bundles.getMessage(key, null, Locale.ENGLISH));
			spanish.put(key, bundles.getMessage(key, null, SPANISH));
		}
		return Map.of("en", english, "es", spanish);
	}

	private static Set<String> widgetKeys() {
		return ResourceBundle.getBundle(WIDGET, Locale.ROOT).keySet();
	}

	/** The practice profile's placeholders filled in (also those of triage's advice). */
	public String fill(String text, Audience audience) {
		PracticeProfile practice = audience.profile();
		return text.replace("{hours}", hours(practice, audience.spanish()))
			.replace("{practice}", practice.name())
			.replace("{phone}", practice.phone())
			.replace("{emergency}", practice.emergencyNumber())
			.replace("{crisis}", practice.crisisLine())
			.replace("{booking}", practice.bookingUrl())
			.replace("{address}", practice.address());
	}

	/** The practice's own wording of the text when it has one ({@code frontdesk.practices[n].texts}), else the bundle's. */
	private String message(String key, Audience audience) {
		return audience.practice().text(key, audience.spanish())
			.orElseGet(() -> bundles.getMessage(key, null, audience.spanish() ? SPANISH : Locale.ENGLISH));
	}

	/** The words of the audience's language for when to expect a call or a reply ({@link OpeningHours}). */
	public CallWords callWords(Audience audience) {
		if (!audience.spanish()) {
			return CallWords.ENGLISH;
		}
		Map<String, String> words = new java.util.HashMap<>();
		CallWords.KEYS.forEach(key -> words.put(key, word("call." + key)));
		return new CallWords(SPANISH, true, words);
	}

	/** The office hours in the audience's language. */
	public String hoursInWords(Audience audience) {
		return hours(audience.profile(), audience.spanish());
	}

	/** When the patient can expect the call, in their language: "today, usually within 2 hours". */
	public String expectedCall(OpeningHours hours, Instant at, Audience audience) {
		return hours.expectedCall(at, callWords(audience));
	}

	/** The sentence saying when the practice will call back, in the patient's language. */
	public String callbackSentence(OpeningHours hours, Instant at, Audience audience) {
		return hours.callbackSentence(at, callWords(audience), hoursInWords(audience));
	}

	/**
	 * The opening hours in words: in Spanish said from the weekly hours ("lunes a viernes, de 8:00 a 17:00") unless the
	 * practice wrote them in words itself ({@code frontdesk.practice.opening-hours}), which are given as written.
	 */
	private String hours(PracticeProfile practice, boolean spanish) {
		WeeklyHours week = WeeklyHours.parse(practice.hours());
		if (!spanish || !practice.openingHours().equals(week.describe())) {
			return practice.openingHours();
		}
		return week.describe(new WeeklyHours.Words(SPANISH, word("hours.range"), word("hours.pair"),
				word("hours.period"), word("hours.and"), word("hours.by-appointment"), true));
	}

	private String word(String key) {
		return bundles.getMessage(key, null, SPANISH);
	}

}
