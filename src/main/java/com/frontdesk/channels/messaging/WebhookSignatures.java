package com.frontdesk.channels.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs over raw request bytes and constant-time comparison, for verifying webhook authenticity. */
public final class WebhookSignatures {

	private WebhookSignatures() {
	}

	/** Lower-case hex HMAC-SHA256 of the bytes (Meta's {@code X-Hub-Signature-256} without its prefix). */
	public static String hmacSha256Hex(String key, byte[] data) {
		return HexFormat.of().formatHex(hmac("HmacSHA256", key, data));
	}

	/** Base64 HMAC-SHA1 of the bytes (Twilio's {@code X-Twilio-Signature}). */
	public static String hmacSha1Base64(String key, byte[] data) {
		return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, data));
	}

	/** Compares two secrets or signatures in time that does not depend on where they differ. */
	public static boolean matches(String expected, String actual) {
		if (expected == null || actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(String algorithm, String key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " not available", ex);
		}
	}

}
