package com.frontdesk.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock replaced by a {@link MutableClock} the test sets and moves ({@code classes = {
 * FrontdeskApplication.class, MovableClock.class }}); a test sets it before it relies on the time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClock {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
	}

}
