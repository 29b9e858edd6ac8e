package com.frontdesk.channels.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.frontdesk.channels.messaging.MalformedWebhook;

/** An {@code application/x-www-form-urlencoded} body, decoded from its raw bytes; a name may repeat. */
record FormBody(Map<String, List<String>> parameters) {

	static FormBody parse(byte[] body) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
		return new FormBody(parameters);
	}

	/** The first value of a parameter, or null. */
	String first(String name) {
		List<String> values = parameters.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedWebhook("body is not a valid form");
		}
	}

}
