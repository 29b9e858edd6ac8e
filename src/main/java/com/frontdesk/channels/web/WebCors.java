package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.frontdesk.practice.Practice;
import com.frontdesk.practice.Practices;

/**
 * CORS for {@code /api/**}: only the practice's own site origins ({@code frontdesk.web.allowed-origins}, by default
 * the origin of {@code frontdesk.practice.website}) may call the API from a browser; a request from any other origin
 * is refused (403, an RFC 9457 problem: the security filter chain applies this configuration). No cookies, and only
 * the headers the widget sends ({@code Idempotency-Key} with callback requests), so the admin API (Basic credentials)
 * cannot be called across origins. Each further practice's origins are allowed too, those of a practice created
 * while running from the moment it is served.
 */
@Configuration(proxyBeanMethods = false)
class WebCors {

	private static final Logger log = LoggerFactory.getLogger(WebCors.class);

	@Bean
	UrlBasedCorsConfigurationSource corsConfigurationSource(WebProperties properties, Practices practices) {
		PracticeOrigins source = new PracticeOrigins(properties, practices);
		source.registerCorsConfiguration("/api/**", source.current());
		log.info("Browsers may call /api/** from: {}", source.current().getAllowedOriginPatterns());
		return source;
	}

	/** The configuration for {@code /api/**}, made again when the set of practices has grown. */
	static final class PracticeOrigins extends UrlBasedCorsConfigurationSource {

		private final WebProperties properties;

		private final Practices practices;

		private volatile List<Practice> madeFor;

		private volatile CorsConfiguration api;

		PracticeOrigins(WebProperties properties, Practices practices) {
			this.properties = properties;
			this.practices = practices;
		}

		@Override
		public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
			return super.getCorsConfiguration(request) == null ? null : current();
		}

		CorsConfiguration current() {
			List<Practice> served = practices.all();
			if (served != madeFor) {
				api = configuration(served);
				madeFor = served;
			}
			return api;
		}

		private CorsConfiguration configuration(List<Practice> served) {
			List<String> origins = new ArrayList<>(
					properties.originsOr(practices.defaultPractice().profile().website()));
			// Each further practice's own pages (its allowed origins) may use its widget.
			served.stream()
				.flatMap(practice -> practice.allowedOrigins().stream())
				.filter(origin -> !origins.contains(origin))
				.forEach(origins::add);
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOriginPatterns(origins);
			api.setAllowedMethods(List.of("GET", "POST"));
			api.setAllowedHeaders(List.of("Content-Type", "Accept", "Idempotency-Key"));
			api.setAllowCredentials(false);
			api.setMaxAge(Duration.ofHours(1));
			return api;
		}

	}

}
