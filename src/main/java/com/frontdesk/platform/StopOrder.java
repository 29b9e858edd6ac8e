package com.frontdesk.platform;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The lifecycle phases of Frontdesk's own parts, relative to Spring Boot's web server. Spring stops the highest phase
 * first (and starts the lowest first), so a stop runs in this order:
 * <ol>
 * <li>{@link #MESSAGE_WORKERS}, together with the web server's graceful shutdown: the server takes no new request
 * and lets those in flight (streams included) finish; the message workers claim no new message, finish those they
 * hold within {@code frontdesk.channels.workers.shutdown-grace} and hand the rest back as pending;</li>
 * <li>the web server stops ({@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE});</li>
 * <li>{@link #HEARTBEAT}: the instance's heartbeat ends, so its claims count as alive until the workers are done;</li>
 * <li>{@link #KNOWLEDGE_INDEX}: last of the phases; the index itself and then the database are closed when the beans
 * are destroyed, after every phase has stopped.</li>
 * </ol>
 */
public final class StopOrder {

	/** The message workers: they stop as the stop begins, alongside the web server's graceful shutdown. */
	public static final int MESSAGE_WORKERS = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;

	/** The instance heartbeat: it ends after the web server and the message workers have stopped. */
	public static final int HEARTBEAT = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 512;

	/** The knowledge index: built before the web server starts, stopped after everything that searches it. */
	public static final int KNOWLEDGE_INDEX = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;

	private StopOrder() {
	}

}
