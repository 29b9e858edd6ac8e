package com.frontdesk.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.frontdesk.practice.Audience;

/**
 * The consent to be contacted that patients confirm when they ask for a call back, and its version: a short hash of
 * the exact wording. A form shows the wording and sends its version back, so the server knows the patient saw the
 * wording it stores (a form shown before the practice changed the wording is refused and shown again). Each practice
 * has its own, with its name in it, and each language its own (a Spanish reader confirms a Spanish wording and that is
 * what is stored).
 */
public final class ConsentWording {

	private final String text;

	private final String version;

	private ConsentWording(String text) {
		this.text = text;
		this.version = "c-" + sha256(text).substring(0, 12);
	}

	/**
	 * The wording of {@code frontdesk.callbacks.consent-text} with the practice's name in it, when the deployment set
	 * one: then it is the one wording in every language, as the practice had it checked. Else the wording of the
	 * bundle in the patient's language ({@code callback.consent}, which a practice may reword in its texts).
	 */
	static ConsentWording of(CallbackProperties properties, Audience audience, PatientTexts texts) {
		if (properties.consentText() != null) {
			return new ConsentWording(properties.consentText().strip().replace("{practice}", audience.profile().name()));
		}
		return new ConsentWording(texts.get("callback.consent", audience).strip());
	}

	/** The wording exactly as shown to the patient and stored with the request. */
	public String text() {
		return text;
	}

	public String version() {
		return version;
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
