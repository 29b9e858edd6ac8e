package com.frontdesk.channels.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;
import com.frontdesk.conversation.ConversationNotFound;
import com.frontdesk.conversation.ConversationStore;
import com.frontdesk.conversation.Intent;
import com.frontdesk.conversation.Owner;
import com.frontdesk.conversation.StoredTurn;
import com.frontdesk.conversation.Turn;

/**
 * {@code GET /api/conversations/{id}}: the turns of a conversation, oldest first, so the website widget can show the
 * conversation again after a page reload. Only what the patient saw: question, reply, intent, citations, actions and
 * time, and the reply's id (for feedback); never the stored topic or anything else. The id is the only key, as it is for continuing a conversation;
 * an unknown id is a 404 problem. Responses are never cached.
 */
@RestController
class ConversationHistoryController {

	private static final int MAX_ID_LENGTH = 64;

	/** Only website conversations are shown here: a WhatsApp or SMS conversation is never readable from a browser. */
	private static final String WEB = "web";

	private final ConversationStore store;

	private final WidgetPractices practices;

	ConversationHistoryController(ConversationStore store, WidgetPractices practices) {
		this.store = store;
		this.practices = practices;
	}

	/** @param practice the widget's practice ({@code ?practice=}): another practice's conversation is not found */
	@GetMapping(path = "/api/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<History> history(@PathVariable String id, @RequestParam(required = false) String practice,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		if (id.length() > MAX_ID_LENGTH || !store.channelOf(id).filter(WEB::equals).isPresent()
				|| !store.exists(practices.of(practice, origin).id(), id)) {
			throw new ConversationNotFound();
		}
		List<HistoryTurn> turns = store.storedTurns(id).stream().map(HistoryTurn::of).toList();
		Owner owner = store.ownerOf(id).orElse(Owner.BOT);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new History(id, owner, turns));
	}

	/**
	 * A conversation as the patient saw it.
	 *
	 * @param owner who answers now: while it is {@code waiting_for_staff} or {@code staff}, the widget checks back
	 * for the staff's messages
	 */
	record History(String conversationId, Owner owner, List<HistoryTurn> turns) {
	}

	/**
	 * One question and its reply, with the reply's id for the patient's feedback on it.
	 *
	 * @param author who wrote the reply: {@code assistant}, {@code staff} (the question is empty) or {@code pending}
	 * (no reply yet: staff will answer)
	 */
	record HistoryTurn(String question, String reply, Intent intent, List<Citation> citations, List<Action> actions,
			Instant time, String author, String replyId) {

		static HistoryTurn of(StoredTurn stored) {
			Turn turn = stored.turn();
			return new HistoryTurn(turn.question(), turn.reply(), turn.intent(), turn.citations(), turn.actions(),
					turn.at(), turn.author(), stored.replyId());
		}

	}

}
