package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.frontdesk.booking.PracticeProfile;

/**
 * CORS for {@code /api/**}: only the practice's own site origins ({@code frontdesk.web.allowed-origins}, by default
 * the origin of {@code frontdesk.practice.website}) may call the API from a browser; a request from any other origin
 * is refused (403). No cookies, and only the headers the widget sends ({@code Idempotency-Key} with callback requests),
 * so the admin API (bearer token) cannot be called across origins.
 */
@Configuration(proxyBeanMethods = false)
class WebCors implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(WebCors.class);

	private final List<String> origins;

	WebCors(WebProperties properties, PracticeProfile practice) {
		this.origins = properties.originsOr(practice.website());
		log.info("Browsers may call /api/** from: {}", origins);
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/**")
			.allowedOriginPatterns(origins.toArray(String[]::new))
			.allowedMethods("GET", "POST")
			.allowedHeaders("Content-Type", "Accept", "Idempotency-Key")
			.allowCredentials(false)
			.maxAge(Duration.ofHours(1).toSeconds());
	}

}
