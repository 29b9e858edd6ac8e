package com.frontdesk.channels.telegram;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.channels.messaging.BadWebhookSignature;
import com.frontdesk.channels.messaging.ChannelDisabled;
import com.frontdesk.channels.messaging.InboundMessages;
import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.UnsignedWebhook;
import com.frontdesk.channels.messaging.WebhookSignatures;
import com.frontdesk.practice.PracticeId;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/telegram} (the default practice's bot) and {@code POST /webhooks/telegram/<practice>} (that
 * practice's bot): checks the {@code X-Telegram-Bot-Api-Secret-Token} header against the practice's secret token,
 * stores the update's message and answers 200 at once; the reply is sent afterwards with {@code sendMessage} by the
 * practice's bot. An update to the path of a practice with no bot here is acknowledged (Telegram would send it
 * again) and dropped.
 */
@RestController
class TelegramWebhook {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final TelegramProperties properties;

	private final PracticeAccounts<TelegramAccount> accounts;

	private final InboundMessages inbound;

	private final JsonMapper json;

	private final Clock clock;

	TelegramWebhook(TelegramProperties properties, PracticeAccounts<TelegramAccount> accounts, InboundMessages inbound,
			JsonMapper json, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.inbound = inbound;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping("/webhooks/telegram")
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		return receive(PracticeId.DEFAULT.value(), secret, body);
	}

	@PostMapping("/webhooks/telegram/{practice}")
	ResponseEntity<Void> receive(@PathVariable String practice,
			@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			@RequestBody(required = false) byte[] body) {
		if (!properties.enabled()) {
			throw new ChannelDisabled(TelegramUpdates.CHANNEL);
		}
		if (secret == null || secret.isEmpty()) {
			throw new UnsignedWebhook(TelegramUpdates.CHANNEL);
		}
		Optional<TelegramAccount> bot = accounts.practiceOf(practice.toLowerCase(Locale.ROOT))
			.flatMap(accounts::of)
			.filter(TelegramWebhook::served);
		if (bot.isEmpty()) {
			inbound.unrouted(TelegramUpdates.CHANNEL);
			return ResponseEntity.ok().build();
		}
		if (!WebhookSignatures.matches(bot.get().secretToken(), secret)) {
			throw new BadWebhookSignature(TelegramUpdates.CHANNEL);
		}
		inbound.accept(TelegramUpdates.parse(json, body, clock.instant())
			.stream()
			.map(message -> message.to(bot.get().practice()))
			.toList());
		return ResponseEntity.ok().build();
	}

	/** The default practice's path is served as before; another practice's once its bot has a token. */
	private static boolean served(TelegramAccount bot) {
		return bot.practice().isDefault() || (bot.botToken() != null && !bot.botToken().isBlank());
	}

}
