package com.frontdesk.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.Practices;

/**
 * A practice the operator created on another instance is served here from the next heartbeat on: the heartbeat
 * looks for new rows, and the practices found are added (their indexes built) off the heartbeat's thread, one look
 * at a time, so that a large folder never holds the heartbeat up.
 */
@Component
class PracticesOnEveryInstance {

	private static final Logger log = LoggerFactory.getLogger(PracticesOnEveryInstance.class);

	private final Practices practices;

	private final AtomicBoolean looking = new AtomicBoolean();

	PracticesOnEveryInstance(Practices practices, Instances instances) {
		this.practices = practices;
		instances.onHeartbeat(this::look);
	}

	private void look() {
		if (!looking.compareAndSet(false, true)) {
			return;
		}
		Thread.ofVirtual().name("practices-refresh").start(RequestIds.carryOrNew(() -> {
			try {
				practices.refresh();
			}
			catch (RuntimeException ex) {
				log.warn("Looking for practices created on other instances failed ({}); again at the next heartbeat",
						ex.getClass().getSimpleName());
			}
			finally {
				looking.set(false);
			}
		}));
	}

}
