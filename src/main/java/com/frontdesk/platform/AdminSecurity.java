package com.frontdesk.platform;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import io.micrometer.core.instrument.MeterRegistry;

import com.frontdesk.practice.InvalidPracticeId;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;
import com.frontdesk.practice.UnknownPractice;

/**
 * Spring Security for the admin API and pages: the admin account (and further staff accounts), whose passwords come
 * from the environment as BCrypt hashes, sign in on the admin page ({@value #SIGN_IN}) into a session kept in the
 * shared database that ends after {@code frontdesk.admin.session-timeout} without activity, or send HTTP Basic
 * credentials with every request (scripts; no session). Failed sign-ins slow down per account and per client address, up to a lock ({@link SignInGuard}). The metrics
 * ({@code /actuator/prometheus}) and health details are the admin's too. Everything else (chat, widget, webhooks,
 * health status) stays public, bounded by {@link RequestLimits}. Refusals are RFC 9457 problems. Security headers on
 * every response, a Content-Security-Policy included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminSecurity {

	static final String ROLE = "ADMIN";

	static final String STAFF_ROLE = "STAFF";

	/** Where the admin page signs in (a form post of {@code username} and {@code password}) and out. */
	static final String SIGN_IN = "/api/admin/sign-in";

	static final String SIGN_OUT = "/api/admin/sign-out";

	/** The header the admin page sends with its requests, so that refusals do not raise the browser's prompt. */
	static final String FROM_THE_PAGE = "X-Requested-With";

	/**
	 * The Content-Security-Policy of every page served (the demo page with the widget, the try page, error answers):
	 * scripts, styles, images and requests from this origin only, nothing inline, no plugins, never framed. A page
	 * that sets its own (the admin page, {@code AdminPage}) keeps it.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

	@Bean
	SecurityFilterChain security(HttpSecurity http, AdminProperties admin, RequestLimits limits,
			ObjectProvider<UrlBasedCorsConfigurationSource> cors, UserDetailsService accounts, PasswordEncoder encoder,
			SignInAttempts attempts, SignInProperties signIn, Clock clock, MeterRegistry metrics, AuditTrail audit,
			StaffAccounts staff) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		http.authenticationManager(
				new ProviderManager(new SignInGuard(passwords, known(admin, staff), attempts, signIn, clock, metrics)));
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			// The admin page itself holds no data: it asks staff to sign in, and every datum comes from the API.
			.requestMatchers("/admin", "/admin/**")
			.permitAll()
			// What only the deployment's operator may do: create, read whole and change practices.
			.requestMatchers(HttpMethod.POST, "/api/admin/practices")
			.hasAuthority(StaffPractice.OPERATOR)
			.requestMatchers(HttpMethod.GET, "/api/admin/practices/*")
			.hasAuthority(StaffPractice.OPERATOR)
			.requestMatchers(HttpMethod.PATCH, "/api/admin/practices/**")
			.hasAuthority(StaffPractice.OPERATOR)
			// What only the practice's admin may do: read the audit log, delete a conversation, re-index, metrics,
			// and make and disable the practice's staff accounts.
			.requestMatchers("/api/admin/audit", "/api/admin/knowledge/**", "/actuator/**", "/api/admin/accounts",
					"/api/admin/accounts/**")
			.hasRole(ROLE)
			.requestMatchers(HttpMethod.DELETE, "/api/admin/**")
			.hasRole(ROLE)
			.requestMatchers("/api/admin/**")
			.hasAnyRole(ROLE, STAFF_ROLE)
			.anyRequest()
			.permitAll())
			// Scripts send Basic credentials on every request (no session); the admin page signs in once and then
			// holds a session that ends after frontdesk.admin.session-timeout without activity.
			.httpBasic(basic -> basic.realmName("frontdesk-admin")
				.authenticationEntryPoint((request, response, ex) -> refuse(request, response, admin, ex))
				.withObjectPostProcessor(new ObjectPostProcessor<BasicAuthenticationFilter>() {

					@Override
					public <F extends BasicAuthenticationFilter> F postProcess(F filter) {
						// A script's credentials hold for its request only: no session is made for them.
						filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
						return filter;
					}

				}))
			.formLogin(form -> form.loginPage("/admin/")
				.loginProcessingUrl(SIGN_IN)
				.successHandler((request, response, signedIn) -> response.setStatus(HttpStatus.NO_CONTENT.value()))
				.failureHandler((request, response, ex) -> refuse(request, response, admin, ex))
				.permitAll())
			.logout(signOut -> signOut
				.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_OUT))
				.logoutSuccessHandler((request, response, signedIn) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> refuse(request, response, admin, ex))
				.accessDeniedHandler((request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
						"This account may not do this: ask the practice's admin.")))
			// Spring Security's defaults: a session only where a sign-in saves one (the page's), never for Basic.
			// Chat and webhooks are called without cookies; browsers resend an admin's Basic credentials and session
			// cookie with other sites' requests too (the cookie is SameSite=Strict besides), so admin changes, the
			// sign-in included, must come from the admin page itself.
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new SameOriginAdminChanges(), LogoutFilter.class)
			// Spring's CORS checks with the configuration of the web channel, refusals as problems.
			.cors(defaults -> defaults.disable())
			.addFilter(corsFilter(cors.getIfAvailable(UrlBasedCorsConfigurationSource::new)))
			.requestCache(cache -> cache.disable())
			// Limits after CORS (browsers can read a 429) and before authentication; failed sign-ins are throttled by
			// SignInGuard, per account and per address, so the admin group has no per-address limit by default.
			.addFilterBefore(limits, BasicAuthenticationFilter.class)
			// Last, once the staff account is known: what it opens or changes is recorded before the response leaves.
			.addFilterAfter(audit, AuthorizationFilter.class)
			.headers(headers -> headers.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frames -> frames.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
				// Sent on HTTPS requests, also those a trusted proxy received over HTTPS (ForwardedHeaders).
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
		return http.build();
	}

	private static CorsFilter corsFilter(CorsConfigurationSource source) {
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor());
		return filter;
	}

	/** The limits run in the security filter chain only, not a second time as a filter of their own. */
	@Bean
	FilterRegistrationBean<RequestLimits> requestLimitsInTheSecurityChainOnly(RequestLimits limits) {
		FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(limits);
		registration.setEnabled(false);
		return registration;
	}

	/** A staff session ends after {@code frontdesk.admin.session-timeout} without a request (HIPAA's log-off). */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> staffSessionsEndWhenIdle(AdminProperties admin,
			Instances instances) {
		return sessions -> {
			sessions.setDefaultMaxInactiveInterval(admin.sessionTimeout());
			// Expired sessions are deleted at the heartbeat, which rides out a database that is briefly away.
			instances.onHeartbeat(sessions::cleanUpExpiredSessions);
		};
	}

	@Bean
	AuditTrail auditTrail(AuditLog log) {
		return new AuditTrail(log);
	}

	/** The audit trail runs in the security filter chain only, not a second time as a filter of its own. */
	@Bean
	FilterRegistrationBean<AuditTrail> auditTrailInTheSecurityChainOnly(AuditTrail audit) {
		FilterRegistrationBean<AuditTrail> registration = new FilterRegistrationBean<>(audit);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Whether a name is an account's (in settings or made while running), for the sign-in throttle. */
	private static java.util.function.Predicate<String> known(AdminProperties admin, StaffAccounts staff) {
		java.util.Set<String> inSettings = java.util.Set.copyOf(admin.usernames());
		return username -> admin.enabled() && (inSettings.contains(username) || staff.active(username).isPresent());
	}

	/**
	 * The accounts that may sign in: those of settings (the main admin, the deployment's operator, and
	 * {@code frontdesk.admin.accounts}), then those made while running ({@link StaffAccounts}), looked up at each
	 * sign-in so that a disabled one is refused at once.
	 */
	@Bean
	UserDetailsService adminAccount(AdminProperties admin, PasswordEncoder encoder, Practices practices,
			StaffAccounts staff) {
		if (!admin.enabled()) {
			log.warn("Admin API and pages are switched off: set FRONTDESK_ADMIN_PASSWORD_HASH (BCrypt) to use them.");
			return username -> {
				throw new UsernameNotFoundException("admin switched off");
			};
		}
		String hash = admin.passwordHash() != null && !admin.passwordHash().isBlank() ? admin.passwordHash().strip()
				: encoder.encode(admin.password());
		List<UserDetails> users = new ArrayList<>();
		users.add(user(admin.username(), hash, AdminProperties.Role.ADMIN, PracticeId.DEFAULT, true,
				"FRONTDESK_ADMIN_PASSWORD_HASH"));
		for (AdminProperties.Account account : admin.accounts()) {
			users.add(user(account.username(), account.passwordHash().strip(), account.role(),
					practice(account, practices), false, "frontdesk.admin.accounts[].password-hash"));
		}
		InMemoryUserDetailsManager inSettings = new InMemoryUserDetailsManager(users);
		return username -> {
			try {
				return inSettings.loadUserByUsername(username);
			}
			catch (UsernameNotFoundException notInSettings) {
				return staff.active(username).orElseThrow(() -> notInSettings);
			}
		};
	}

	static UserDetails user(String username, String hash, AdminProperties.Role role, PracticeId practice,
			boolean operator, String setting) {
		if (!hash.startsWith("$2")) {
			throw new IllegalStateException(setting + " must be a BCrypt hash (it starts with $2a$, $2b$ or $2y$).");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + (role == AdminProperties.Role.STAFF ? STAFF_ROLE : ROLE)));
		authorities.add(new SimpleGrantedAuthority(StaffPractice.AUTHORITY_PREFIX + practice.value()));
		if (operator) {
			authorities.add(new SimpleGrantedAuthority(StaffPractice.OPERATOR));
		}
		return User.withUsername(username.strip()).password(hash).authorities(authorities).build();
	}

	/** The practice a staff account belongs to, which must be one this deployment serves. */
	private static PracticeId practice(AdminProperties.Account account, Practices practices) {
		try {
			return practices.get(PracticeId.parse(account.practice())).id();
		}
		catch (InvalidPracticeId | UnknownPractice ex) {
			throw new IllegalStateException("frontdesk.admin.accounts[]: the account '" + account.username()
					+ "' belongs to the practice '" + account.practice() + "', which is not one of frontdesk.practices");
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, AdminProperties admin,
			AuthenticationException ex) throws IOException {
		if (ex instanceof SignInThrottled throttled) {
			throttled(response, throttled);
			return;
		}
		if (!admin.enabled()) {
			write(response, HttpStatus.FORBIDDEN,
					"The admin API is switched off: set FRONTDESK_ADMIN_PASSWORD_HASH to use it.");
			return;
		}
		if (request.getHeader(FROM_THE_PAGE) == null) {
			// Only for scripts: the admin page shows its own sign-in form instead of the browser's prompt.
			response.setHeader("WWW-Authenticate", "Basic realm=\"frontdesk-admin\", charset=\"UTF-8\"");
		}
		write(response, HttpStatus.UNAUTHORIZED, "Valid admin credentials are required.");
	}

	private static void throttled(HttpServletResponse response, SignInThrottled ex) throws IOException {
		long seconds = ex.retryAfterSeconds();
		String detail = ex.locked()
				? "After repeated failed sign-ins, signing in is locked until " + ex.until().truncatedTo(ChronoUnit.SECONDS)
						+ " (UTC), even with the right password. Try again then."
				: "After failed sign-ins, please wait " + seconds + (seconds == 1 ? " second" : " seconds")
						+ " before trying again.";
		ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled",
				"Too many failed sign-ins", detail);
		problem.setProperty("retryAfter", seconds);
		if (ex.locked()) {
			problem.setProperty("lockedUntil", ex.until().truncatedTo(ChronoUnit.SECONDS).toString());
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		Problems.write(response, problem);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Problems.write(response, Problems.problem(status, "admin-access", "Admin access denied", detail));
	}

}
