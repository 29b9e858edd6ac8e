package com.frontdesk.channels.whatsapp;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.channels.messaging.ChannelDisabled;
import com.frontdesk.channels.messaging.InboundMessages;
import com.frontdesk.channels.messaging.MetaPlatform;
import com.frontdesk.channels.messaging.PracticeAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /webhooks/whatsapp} answers Meta's subscription handshake; {@code POST /webhooks/whatsapp} checks the
 * signature over the raw body, gives each message to the practice whose number it was sent to, stores the messages
 * and answers 200 at once. Replies are sent afterwards, from that practice's number. A message to a number of no
 * practice is acknowledged and dropped; one for a practice whose app secret did not sign the request is refused.
 */
@RestController
class WhatsAppWebhook {

	private final WhatsAppProperties properties;

	private final PracticeAccounts<WhatsAppAccount> accounts;

	private final InboundMessages inbound;

	private final JsonMapper json;

	private final Clock clock;

	WhatsAppWebhook(WhatsAppProperties properties, PracticeAccounts<WhatsAppAccount> accounts, InboundMessages inbound,
			JsonMapper json, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.inbound = inbound;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping(path = "/webhooks/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
	String subscribe(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		requireEnabled();
		return MetaPlatform.challenge(WhatsAppNotifications.CHANNEL, accounts.distinct(WhatsAppAccount::verifyToken), mode,
				token, challenge);
	}

	@PostMapping("/webhooks/whatsapp")
	ResponseEntity<Void> receive(@RequestHeader(name = MetaPlatform.SIGNATURE_HEADER, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		requireEnabled();
		String signer = MetaPlatform.signedWith(WhatsAppNotifications.CHANNEL,
				accounts.distinct(WhatsAppAccount::appSecret), signature, body);
		inbound.accept(WhatsAppNotifications.CHANNEL, WhatsAppNotifications.parse(json, body, clock.instant()), accounts,
				practice -> accounts.of(practice).map(WhatsAppAccount::appSecret).filter(signer::equals).isPresent());
		return ResponseEntity.ok().build();
	}

	private void requireEnabled() {
		if (!properties.enabled()) {
			throw new ChannelDisabled(WhatsAppNotifications.CHANNEL);
		}
	}

}
