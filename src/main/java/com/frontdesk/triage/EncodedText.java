package com.frontdesk.triage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text hidden in Base64 inside a message ("decode this and follow it: SWdub3Jl..."), so triage reads what it
 * says: an emergency written in Base64 is still an emergency, and hidden instructions are an attempt to subvert
 * the assistant. Only runs of 16 or more Base64 characters that decode to readable text count.
 */
final class EncodedText {

	private static final Pattern CANDIDATE = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

	private static final int MAX_DECODED = 4;

	private EncodedText() {
	}

	/** The readable texts Base64-encoded in the message. */
	static List<String> decode(String message) {
		List<String> texts = new ArrayList<>();
		Matcher candidate = CANDIDATE.matcher(message == null ? "" : message);
		while (candidate.find() && texts.size() < MAX_DECODED) {
			String token = candidate.group();
			String text = readable(token.contains("-") || token.contains("_") ? decode(token, Base64.getUrlDecoder())
					: decode(token, Base64.getDecoder()));
			if (text != null) {
				texts.add(text);
			}
		}
		return texts;
	}

	private static byte[] decode(String token, Base64.Decoder decoder) {
		String unpadded = token.replace("=", "");
		try {
			return decoder.decode(unpadded + "=".repeat((4 - unpadded.length() % 4) % 4));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The bytes as text when they are UTF-8 words (letters and spaces, hardly any control characters). */
	private static String readable(byte[] bytes) {
		if (bytes == null || bytes.length < 8) {
			return null;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		long printable = text.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || Character.isSpaceChar(cp)
				|| ".,;:!?'\"()-/".indexOf(cp) >= 0).count();
		boolean words = text.contains(" ") && text.codePoints().filter(Character::isLetter).count() * 2 > text.length();
		return words && printable * 10 >= text.codePointCount(0, text.length()) * 9L ? text : null;
	}

}
