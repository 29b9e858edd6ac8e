package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves: the allowance, its refill, and memory that stays bounded. */
class RateLimiterTest {

	final AtomicLong now = new AtomicLong();

	@Test
	void allowsTheRateThenSaysHowLongToWaitAndRefillsEvenly() {
		RateLimiter limiter = new RateLimiter(1000, now::get);
		Rate rate = Rate.valueOf("6/1m");

		for (int i = 0; i < 6; i++) {
			assertThat(limiter.acquire("patient", rate)).isEmpty();
		}
		assertThat(limiter.acquire("patient", rate)).hasValue(Duration.ofSeconds(10));
		now.addAndGet(Duration.ofSeconds(9).toNanos());
		assertThat(limiter.acquire("patient", rate)).hasValue(Duration.ofSeconds(1));
		now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(limiter.acquire("patient", rate)).isEmpty();
		assertThat(limiter.acquire("another patient", rate)).isEmpty();
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfKeys() {
		RateLimiter limiter = new RateLimiter(160, now::get);

		for (int i = 0; i < 100_000; i++) {
			limiter.acquire("client-" + i, Rate.valueOf("1/1h"));
		}

		assertThat(limiter.size()).isLessThanOrEqualTo(160);
	}

	@Test
	void ratesAreWrittenAsRequestsPerPeriod() {
		assertThat(Rate.valueOf("60/1m")).isEqualTo(new Rate(60, Duration.ofMinutes(1)));
		assertThat(Rate.valueOf(" 10 / 1h ")).isEqualTo(new Rate(10, Duration.ofHours(1)));
		assertThat(Rate.valueOf("off").off()).isTrue();
		assertThat(new RateLimiter(10, now::get).acquire("x", Rate.OFF)).isEmpty();
	}

}
