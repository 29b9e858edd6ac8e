package com.frontdesk.channels.sms;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.frontdesk.channels.messaging.WebhookSignatures;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 HMAC-SHA1, keyed with the auth token, of the webhook URL as configured
 * followed by every POST parameter's name and value, sorted by name. Like Twilio's own validators, the URL is also
 * accepted with its default port written out or left off.
 */
final class TwilioSignature {

	private TwilioSignature() {
	}

	static String compute(String authToken, String url, Map<String, List<String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		parameters.keySet().stream().sorted().forEach(name -> {
			List<String> values = new ArrayList<>(parameters.get(name));
			values.sort(null);
			values.forEach(value -> data.append(name).append(value));
		});
		return WebhookSignatures.hmacSha1Base64(authToken, data.toString().getBytes(StandardCharsets.UTF_8));
	}

	static boolean matches(String authToken, String url, Map<String, List<String>> parameters, String signature) {
		boolean matched = false;
		for (String candidate : urlVariants(url)) {
			matched |= WebhookSignatures.matches(compute(authToken, candidate, parameters), signature);
		}
		return matched;
	}

	static Set<String> urlVariants(String url) {
		Set<String> variants = new LinkedHashSet<>();
		variants.add(url);
		try {
			URI uri = URI.create(url);
			int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			if (uri.getPort() == -1) {
				variants.add(withPort(uri, defaultPort));
			}
			else if (uri.getPort() == defaultPort) {
				variants.add(withPort(uri, -1));
			}
		}
		catch (IllegalArgumentException ex) {
			// a URL that does not parse has no variants
		}
		return variants;
	}

	private static String withPort(URI uri, int port) {
		String authority = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost()
				+ (port == -1 ? "" : ":" + port);
		return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
	}

}
