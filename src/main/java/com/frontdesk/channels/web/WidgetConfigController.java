package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.conversation.ConversationProperties;
import com.frontdesk.practice.PracticeProfile;

/**
 * {@code GET /api/widget/config}: the public details the website widget shows (practice name, phone, booking page,
 * emergency number, starter questions). Nothing here is secret; it is what the practice publishes anyway.
 */
@RestController
class WidgetConfigController {

	private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final WidgetConfig config;

	WidgetConfigController(PracticeProfile practice, WebProperties web, ConversationProperties conversation) {
		this.config = new WidgetConfig(practice.name(), practice.phone(), PracticeProfile.telUri(practice.phone()),
				practice.bookingUrl(), practice.openingHours(), practice.emergencyNumber(),
				PracticeProfile.telUri(practice.emergencyNumber()), practice.crisisLine(), web.starterQuestions(),
				conversation.maxMessageLength());
	}

	@GetMapping(path = "/api/widget/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WidgetConfig> config() {
		return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(config);
	}

	/** What {@code GET /api/widget/config} returns. */
	record WidgetConfig(String practiceName, String phone, String phoneUri, String bookingUrl, String openingHours,
			String emergencyNumber, String emergencyUri, String crisisLine, List<String> starterQuestions,
			int maxMessageLength) {
	}

}
