package com.frontdesk.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security for the admin API and pages: HTTP Basic against one admin account whose password comes from the
 * environment as a BCrypt hash; no sessions, so every admin request carries its credentials. Everything else (chat,
 * widget, webhooks, health) stays public. Refusals are RFC 9457 problems. Security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

	static final String ROLE = "ADMIN";

	private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Only in a web application: contexts without a web server (some tests) have no HTTP security to configure. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain security(HttpSecurity http, AdminProperties admin) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/admin/**", "/admin/**")
			.hasRole(ROLE)
			.anyRequest()
			.permitAll())
			.httpBasic(basic -> basic.realmName("frontdesk-admin")
				.authenticationEntryPoint((request, response, ex) -> refuse(response, admin)))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> refuse(response, admin))
				.accessDeniedHandler((request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
						"This account may not use the admin API.")))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Chat and webhooks are called without cookies, and admin requests carry Basic credentials on each call.
			.csrf(csrf -> csrf.disable())
			.cors(Customizer.withDefaults())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frames -> frames.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService adminAccount(AdminProperties admin, PasswordEncoder encoder) {
		if (!admin.enabled()) {
			log.warn("Admin API and pages are switched off: set FRONTDESK_ADMIN_PASSWORD_HASH (BCrypt) to use them.");
			return username -> {
				throw new UsernameNotFoundException("admin switched off");
			};
		}
		String hash = admin.passwordHash() != null && !admin.passwordHash().isBlank() ? admin.passwordHash().strip()
				: encoder.encode(admin.password());
		if (!hash.startsWith("$2")) {
			throw new IllegalStateException(
					"FRONTDESK_ADMIN_PASSWORD_HASH must be a BCrypt hash (it starts with $2a$, $2b$ or $2y$).");
		}
		UserDetails user = User.withUsername(admin.username().strip()).password(hash).roles(ROLE).build();
		return new InMemoryUserDetailsManager(List.of(user));
	}

	private static void refuse(HttpServletResponse response, AdminProperties admin) throws IOException {
		if (!admin.enabled()) {
			write(response, HttpStatus.FORBIDDEN,
					"The admin API is switched off: set FRONTDESK_ADMIN_PASSWORD_HASH to use it.");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"frontdesk-admin\", charset=\"UTF-8\"");
		write(response, HttpStatus.UNAUTHORIZED, "Valid admin credentials are required.");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:frontdesk:problem:admin-access"));
		problem.setTitle("Admin access denied");
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
