package com.frontdesk.insights;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.conversation.ConversationErasure;
import com.frontdesk.insights.ConversationBrowser.ConversationPage;
import com.frontdesk.insights.ConversationBrowser.Transcript;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * The practice's view of conversations (admin only, see {@code AdminSecurity}): {@code GET /api/admin/conversations}
 * lists them newest first, filtered and paged; {@code GET /api/admin/conversations/{id}} is one transcript;
 * {@code DELETE /api/admin/conversations/{id}} erases a conversation when a patient asks for their data to be deleted.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class AdminConversationsController {

	private static final Logger log = LoggerFactory.getLogger(AdminConversationsController.class);

	static final int MAX_PAGE_SIZE = 100;

	private static final int MAX_ID_LENGTH = 64;

	private final ConversationBrowser browser;

	private final ConversationErasure eraser;

	private final Practices practices;

	AdminConversationsController(ConversationBrowser browser, ConversationErasure eraser, Practices practices) {
		this.browser = browser;
		this.eraser = eraser;
		this.practices = practices;
	}

	@GetMapping("/api/admin/conversations")
	ConversationPage list(PracticeId practice, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String intent, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
		if (page < 0 || page > 1_000_000) {
			throw new InvalidInsightsRequest("\"page\" must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInsightsRequest("\"size\" must be between 1 and " + MAX_PAGE_SIZE);
		}
		return browser.list(practice, ConversationFilter.of(channel, intent, owner, from, to),
				practices.get(practice).profile().timeZone(), page, size);
	}

	@GetMapping("/api/admin/conversations/{id}")
	Transcript transcript(PracticeId practice, @PathVariable String id) {
		if (id.length() > MAX_ID_LENGTH) {
			throw new UnknownConversation();
		}
		return browser.transcript(practice, id).orElseThrow(UnknownConversation::new);
	}

	@DeleteMapping("/api/admin/conversations/{id}")
	ResponseEntity<Void> delete(PracticeId practice, @PathVariable String id) {
		if (id.length() > MAX_ID_LENGTH || !eraser.erase(practice, id)) {
			throw new UnknownConversation();
		}
		log.info("A conversation and everything linked to it was deleted at the practice's request");
		return ResponseEntity.noContent().build();
	}

}
