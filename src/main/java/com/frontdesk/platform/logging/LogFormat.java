package com.frontdesk.platform.logging;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code FRONTDESK_LOG_FORMAT} ({@code frontdesk.log-format}): {@code text} (the default) or {@code json}, one JSON
 * object a line in the Elastic Common Schema ({@code ecs}; {@code logstash} and {@code gelf} are accepted too). It
 * sets Spring Boot's {@code logging.structured.format.console} unless that is set itself.
 */
public class LogFormat implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "frontdesk.log-format";

	private static final String STRUCTURED = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
		if (environment.containsProperty(STRUCTURED)) {
			return;
		}
		String structured = switch (format) {
			case "json", "ecs" -> "ecs";
			case "logstash", "gelf" -> format;
			case "text", "", "plain" -> null;
			default -> throw new IllegalStateException(
					"FRONTDESK_LOG_FORMAT must be text or json (or ecs, logstash, gelf), not " + format);
		};
		if (structured != null) {
			environment.getPropertySources().addLast(new MapPropertySource("frontdeskLogFormat", Map.of(STRUCTURED, structured)));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
