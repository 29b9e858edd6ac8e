package com.frontdesk.channels.telegram;

import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.channels.messaging.BadWebhookSignature;
import com.frontdesk.channels.messaging.ChannelDisabled;
import com.frontdesk.channels.messaging.InboundMessages;
import com.frontdesk.channels.messaging.UnsignedWebhook;
import com.frontdesk.channels.messaging.WebhookSignatures;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/telegram}: checks the {@code X-Telegram-Bot-Api-Secret-Token} header, stores the update's
 * message and answers 200 at once; the reply is sent afterwards with {@code sendMessage}.
 */
@RestController
class TelegramWebhook {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final TelegramProperties properties;

	private final InboundMessages inbound;

	private final JsonMapper json;

	private final Clock clock;

	TelegramWebhook(TelegramProperties properties, InboundMessages inbound, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.inbound = inbound;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping("/webhooks/telegram")
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		if (!properties.enabled()) {
			throw new ChannelDisabled(TelegramUpdates.CHANNEL);
		}
		if (secret == null || secret.isEmpty()) {
			throw new UnsignedWebhook(TelegramUpdates.CHANNEL);
		}
		if (!WebhookSignatures.matches(properties.secretToken(), secret)) {
			throw new BadWebhookSignature(TelegramUpdates.CHANNEL);
		}
		inbound.accept(TelegramUpdates.parse(json, body, clock.instant()));
		return ResponseEntity.ok().build();
	}

}
