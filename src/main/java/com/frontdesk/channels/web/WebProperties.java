package com.frontdesk.channels.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The website channel: which sites may embed the chat widget and what the widget offers.
 *
 * @param allowedOrigins the practice's site origins ({@code https://www.mypractice.com}) allowed to call
 * {@code /api/**} from a browser (CORS); patterns such as {@code https://*.mypractice.com} work too. Empty (the
 * default): only the origin of {@code frontdesk.practice.website}
 * @param widgetMaxAge how long browsers and CDNs may cache {@code /widget.js} before revalidating it
 * @param starterQuestions the questions the widget suggests before the patient has asked anything
 * @param starterQuestionsEs the same on a page in Spanish
 */
@ConfigurationProperties("frontdesk.web")
record WebProperties(List<String> allowedOrigins, @DefaultValue("1h") Duration widgetMaxAge,
		@DefaultValue({ "What is minimally invasive lateral fusion?", "Am I a good candidate?",
				"Will I have a big scar?", "How do I book a consultation?" }) List<String> starterQuestions,
		@DefaultValue({ "¿Qué es la fusión lateral mínimamente invasiva?", "¿Soy un buen candidato?",
				"¿Me quedará una cicatriz grande?", "¿Cómo pido una consulta?" }) List<String> starterQuestionsEs) {

	WebProperties {
		allowedOrigins = allowedOrigins == null ? List.of()
				: allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
		starterQuestions = starterQuestions == null ? List.of() : List.copyOf(starterQuestions);
		starterQuestionsEs = starterQuestionsEs == null ? List.of() : List.copyOf(starterQuestionsEs);
	}

	/** The starter questions of a page in Spanish, or in English. */
	List<String> starterQuestions(boolean spanish) {
		return spanish ? starterQuestionsEs : starterQuestions;
	}

	/** The configured origins, or the origin of the practice's website when none are configured. */
	List<String> originsOr(String website) {
		return allowedOrigins.isEmpty() ? List.of(originOf(website)) : allowedOrigins.stream().map(WebProperties::trim).toList();
	}

	static String originOf(String url) {
		URI uri = URI.create(url.strip());
		String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
		return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
	}

	private static String trim(String origin) {
		return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
	}

}
