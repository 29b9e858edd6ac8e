package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.conversation.ConversationProperties;
import com.frontdesk.practice.PracticeProfile;

/**
 * {@code GET /api/widget/config}: the public details the website widget shows (practice name, phone, booking page,
 * emergency number, starter questions), for the widget's practice ({@code ?practice=}, its {@code data-practice}).
 * Nothing here is secret; it is what the practice publishes anyway.
 */
@RestController
class WidgetConfigController {

	private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final WidgetPractices practices;

	private final WebProperties web;

	private final ConversationProperties conversation;

	WidgetConfigController(WidgetPractices practices, WebProperties web, ConversationProperties conversation) {
		this.practices = practices;
		this.web = web;
		this.conversation = conversation;
	}

	@GetMapping(path = "/api/widget/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WidgetConfig> config(@RequestParam(required = false) String practice,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		PracticeProfile profile = practices.of(practice, origin).profile();
		WidgetConfig config = new WidgetConfig(profile.name(), profile.phone(), PracticeProfile.telUri(profile.phone()),
				profile.bookingUrl(), profile.openingHours(), profile.emergencyNumber(),
				PracticeProfile.telUri(profile.emergencyNumber()), profile.crisisLine(), web.starterQuestions(),
				conversation.maxMessageLength());
		return ResponseEntity.ok().cacheControl(FIVE_MINUTES).varyBy(HttpHeaders.ORIGIN).body(config);
	}

	/** What {@code GET /api/widget/config} returns. */
	record WidgetConfig(String practiceName, String phone, String phoneUri, String bookingUrl, String openingHours,
			String emergencyNumber, String emergencyUri, String crisisLine, List<String> starterQuestions,
			int maxMessageLength) {
	}

}
