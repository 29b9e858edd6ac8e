package com.frontdesk.channels.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.booking.PatientTexts;
import com.frontdesk.conversation.ConversationProperties;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeProfile;

/**
 * {@code GET /api/widget/config}: the public details the website widget shows (practice name, phone, booking page,
 * emergency number, starter questions) and its own texts in the page's language, for the widget's practice
 * ({@code ?practice=}, its {@code data-practice}).
 * Nothing here is secret; it is what the practice publishes anyway.
 */
@RestController
class WidgetConfigController {

	private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final WidgetPractices practices;

	private final WebProperties web;

	private final ConversationProperties conversation;

	private final PatientTexts texts;

	WidgetConfigController(WidgetPractices practices, WebProperties web, ConversationProperties conversation,
			PatientTexts texts) {
		this.practices = practices;
		this.texts = texts;
		this.web = web;
		this.conversation = conversation;
	}

	/**
	 * @param practice the widget's practice ({@code data-practice})
	 * @param language the language the widget's page is in ({@code es}, {@code es-MX}: its texts in Spanish; anything
	 * else or nothing: in English)
	 */
	@GetMapping(path = "/api/widget/config", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WidgetConfig> config(@RequestParam(required = false) String practice,
			@RequestParam(required = false) String language,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		Practice served = practices.of(practice, origin);
		PracticeProfile profile = served.profile();
		boolean spanish = ChatRequest.spanish(language);
		WidgetConfig config = new WidgetConfig(profile.name(), profile.phone(), PracticeProfile.telUri(profile.phone()),
				profile.bookingUrl(), profile.openingHours(), profile.emergencyNumber(),
				PracticeProfile.telUri(profile.emergencyNumber()), profile.crisisLine(), web.starterQuestions(spanish),
				conversation.maxMessageLength(), spanish ? "es" : "en",
				texts.widget(new Audience(served, spanish)));
		return ResponseEntity.ok().cacheControl(FIVE_MINUTES).varyBy(HttpHeaders.ORIGIN).body(config);
	}

	/**
	 * What {@code GET /api/widget/config} returns.
	 *
	 * @param language the language of {@code texts}: {@code en} or {@code es}
	 * @param texts the widget's own texts ({@code widget.*} keys) as the practice words them in that language
	 */
	record WidgetConfig(String practiceName, String phone, String phoneUri, String bookingUrl, String openingHours,
			String emergencyNumber, String emergencyUri, String crisisLine, List<String> starterQuestions,
			int maxMessageLength, String language, Map<String, String> texts) {
	}

}
