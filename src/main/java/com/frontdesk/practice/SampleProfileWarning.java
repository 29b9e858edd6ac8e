package com.frontdesk.practice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Warns at start-up while the practice profile still has the sample values. */
@Component
class SampleProfileWarning {

	private static final Logger log = LoggerFactory.getLogger(SampleProfileWarning.class);

	private final PracticeProfile practice;

	SampleProfileWarning(PracticeProfile practice) {
		this.practice = practice;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnIfSample() {
		if (practice.isSample()) {
			log.warn("The practice profile has SAMPLE values (name, phone, booking URL): set frontdesk.practice.* "
					+ "before patients use this installation.");
		}
	}

}
