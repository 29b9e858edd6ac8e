package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.frontdesk.practice.Practices;

/**
 * CORS for {@code /api/**}: only the practice's own site origins ({@code frontdesk.web.allowed-origins}, by default
 * the origin of {@code frontdesk.practice.website}) may call the API from a browser; a request from any other origin
 * is refused (403, an RFC 9457 problem: the security filter chain applies this configuration). No cookies, and only
 * the headers the widget sends ({@code Idempotency-Key} with callback requests), so the admin API (Basic credentials)
 * cannot be called across origins.
 */
@Configuration(proxyBeanMethods = false)
class WebCors {

	private static final Logger log = LoggerFactory.getLogger(WebCors.class);

	@Bean
	UrlBasedCorsConfigurationSource corsConfigurationSource(WebProperties properties, Practices practices) {
		List<String> origins = new ArrayList<>(properties.originsOr(practices.defaultPractice().profile().website()));
		// Each further practice's own pages (its allowed origins) may use its widget.
		practices.all().stream().flatMap(practice -> practice.allowedOrigins().stream())
			.filter(origin -> !origins.contains(origin))
			.forEach(origins::add);
		log.info("Browsers may call /api/** from: {}", origins);
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOriginPatterns(origins);
		api.setAllowedMethods(List.of("GET", "POST"));
		api.setAllowedHeaders(List.of("Content-Type", "Accept", "Idempotency-Key"));
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", api);
		return source;
	}

}
