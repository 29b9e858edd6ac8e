package com.frontdesk.booking;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts Frontdesk writes itself for patients, in English or Spanish, from message bundles a non-developer can
 * review ({@code conversation/replies/messages*.properties}, {@code booking/actions*.properties}), with the practice's
 * details filled in ({@code {practice}}, {@code {phone}}, {@code {emergency}}, ...). A key missing from the Spanish
 * bundle falls back to the English text; a key missing from both is an error.
 */
@Component
public class PatientTexts {

	static final String[] BUNDLES = { "conversation/replies/messages", "booking/actions" };

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

	private final PracticeProfile practice;

	public PatientTexts(PracticeProfile practice) {
		this.practice = practice;
		bundles.setBasenames(BUNDLES);
		bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
		bundles.setFallbackToSystemLocale(false);
	}

	/** The text of {@code key}, in Spanish or English, with the practice's details filled in. */
	public String get(String key, boolean spanish) {
		return fill(bundles.getMessage(key, null, spanish ? SPANISH : Locale.ENGLISH));
	}

	/** {@link #get(String, boolean)} with placeholders of its own ({@code {when}} -> ...) filled in first. */
	public String get(String key, boolean spanish, Map<String, String> values) {
		String text = bundles.getMessage(key, null, spanish ? SPANISH : Locale.ENGLISH);
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return fill(text);
	}

	/** The practice profile's placeholders filled in (also those of triage's advice). */
	public String fill(String text) {
		return text.replace("{practice}", practice.name())
			.replace("{phone}", practice.phone())
			.replace("{emergency}", practice.emergencyNumber())
			.replace("{crisis}", practice.crisisLine())
			.replace("{booking}", practice.bookingUrl())
			.replace("{address}", practice.address())
			.replace("{hours}", practice.openingHours());
	}

}
