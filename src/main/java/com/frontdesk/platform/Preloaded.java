package com.frontdesk.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something a first question needs, loaded while the application starts: declared as a bean with
 * {@code @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)}, so it loads on a thread of Spring's bootstrap executor beside
 * the rest of the start, and the context (and with it the web server and readiness) waits until it is loaded.
 * @param what what was loaded, in words
 * @param took how long the loading took on its thread
 */
public record Preloaded(String what, Duration took) {

	private static final Logger log = LoggerFactory.getLogger(Preloaded.class);

	/** Runs the loading and says how long it took. */
	public static Preloaded load(String what, Runnable loading) {
		long started = System.nanoTime();
		loading.run();
		Preloaded loaded = new Preloaded(what, Duration.ofNanos(System.nanoTime() - started));
		log.debug("Loaded {} in {} ms while starting", what, loaded.took().toMillis());
		return loaded;
	}

}
