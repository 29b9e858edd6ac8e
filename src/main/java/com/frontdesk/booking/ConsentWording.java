package com.frontdesk.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeProfile;

/**
 * The consent to be contacted that patients confirm when they ask for a call back, and its version: a short hash of
 * the exact wording. A form shows the wording and sends its version back, so the server knows the patient saw the
 * wording it stores (a form shown before the practice changed the wording is refused and shown again).
 */
@Component
public class ConsentWording {

	private final String text;

	private final String version;

	ConsentWording(CallbackProperties properties, PracticeProfile practice) {
		this.text = properties.consentText().strip().replace("{practice}", practice.name());
		this.version = "c-" + sha256(text).substring(0, 12);
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
