package com.frontdesk.insights;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin page: {@code /admin/} serves {@code static/admin/index.html} (Spring Security asks for the admin's
 * credentials first). Its pages get a strict Content-Security-Policy: scripts, styles and requests only from this
 * origin, nothing inline, no framing.
 */
@Configuration(proxyBeanMethods = false)
class AdminPage implements WebMvcConfigurer {

	static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/admin", "/admin/");
		registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> adminPagePolicy() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader("Content-Security-Policy", POLICY);
				chain.doFilter(request, response);
			}

		});
		registration.addUrlPatterns("/admin", "/admin/*");
		return registration;
	}

}
