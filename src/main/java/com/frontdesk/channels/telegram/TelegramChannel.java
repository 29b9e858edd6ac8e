package com.frontdesk.channels.telegram;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import com.frontdesk.channels.messaging.MessagingChannel;
import com.frontdesk.channels.messaging.OutboundHttp;
import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.ReplyLimits;
import com.frontdesk.channels.messaging.SendFailed;
import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends replies with the Bot API's {@code sendMessage} (the token of the practice's bot in the path), 4,096 characters
 * a message.
 */
@Component
class TelegramChannel implements MessagingChannel {

	private static final ReplyLimits LIMITS = new ReplyLimits(4096, 4);

	private final TelegramProperties properties;

	private final PracticeAccounts<TelegramAccount> accounts;

	private final JsonMapper json;

	TelegramChannel(TelegramProperties properties, PracticeAccounts<TelegramAccount> accounts, JsonMapper json) {
		this.properties = properties;
		this.accounts = accounts;
		this.json = json;
	}

	@Override
	public String name() {
		return TelegramUpdates.CHANNEL;
	}

	@Override
	public boolean enabled() {
		return properties.enabled();
	}

	@Override
	public List<String> missingSettings() {
		return Settings.missing(accounts.all(), TelegramUpdates.CHANNEL, TelegramAccount::practice,
				account -> new String[] { "bot-token", account.botToken(),
						"secret-token", account.secretToken() });
	}

	@Override
	public ReplyLimits limits() {
		return LIMITS;
	}

	/** The Bot API answers 403 to a bot the user blocked. */
	@Override
	public String explainFailure(String summary) {
		return summary.contains("HTTP 403") ? "the patient blocked the practice's bot (" + summary + ")" : summary;
	}

	@Override
	public void send(PracticeId practice, String recipient, String text) {
		TelegramAccount account = accounts.require(practice);
		ObjectNode body = json.createObjectNode();
		if (recipient.matches("-?\\d{1,18}")) {
			body.put("chat_id", Long.parseLong(recipient));
		}
		else {
			body.put("chat_id", recipient);
		}
		body.put("text", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.sendMessageUrl(account.botToken())))
			.timeout(OutboundHttp.REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = OutboundHttp.exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw SendFailed.forStatus(response.statusCode(), retryAfter(response));
		}
	}

	/** Telegram says how long to wait in {@code parameters.retry_after} (seconds), or in the header. */
	private Duration retryAfter(HttpResponse<String> response) {
		try {
			JsonNode seconds = json.readTree(response.body()).path("parameters").path("retry_after");
			if (seconds.isIntegralNumber()) {
				return Duration.ofSeconds(seconds.longValue());
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// not JSON: fall back to the header
		}
		return OutboundHttp.retryAfter(response);
	}

}
