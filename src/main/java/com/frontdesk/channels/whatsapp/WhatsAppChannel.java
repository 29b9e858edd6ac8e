package com.frontdesk.channels.whatsapp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.frontdesk.channels.messaging.MessagingChannel;
import com.frontdesk.channels.messaging.MetaPlatform;
import com.frontdesk.channels.messaging.OutboundHttp;
import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.ReplyLimits;
import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.PracticeId;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends free-form text replies through the Cloud API (bearer token), from the number of the practice the patient
 * wrote to, 4,096 characters a message, and only within the 24-hour customer-service window that the patient's
 * message opened.
 */
@Component
class WhatsAppChannel implements MessagingChannel {

	private static final ReplyLimits LIMITS = new ReplyLimits(4096, 4);

	private static final Duration SERVICE_WINDOW = Duration.ofHours(24);

	private final WhatsAppProperties properties;

	private final PracticeAccounts<WhatsAppAccount> accounts;

	private final JsonMapper json;

	WhatsAppChannel(WhatsAppProperties properties, PracticeAccounts<WhatsAppAccount> accounts, JsonMapper json) {
		this.properties = properties;
		this.accounts = accounts;
		this.json = json;
	}

	@Override
	public String name() {
		return WhatsAppNotifications.CHANNEL;
	}

	@Override
	public boolean enabled() {
		return properties.enabled();
	}

	@Override
	public List<String> missingSettings() {
		return Settings.missing(accounts.all(), WhatsAppNotifications.CHANNEL, WhatsAppAccount::practice,
				account -> new String[] { "app-secret", account.appSecret(),
						"verify-token", account.verifyToken(),
						"access-token", account.accessToken(),
						"phone-number-id", account.phoneNumberId() });
	}

	@Override
	public ReplyLimits limits() {
		return LIMITS;
	}

	@Override
	public Optional<Duration> replyWindow() {
		return Optional.of(SERVICE_WINDOW);
	}

	/** Graph error 131047: the customer-service window has closed. */
	@Override
	public String explainFailure(String summary) {
		return summary.contains("Graph error 131047)") ? "more than 24 hours since the patient last wrote: WhatsApp "
				+ "allows no free-form reply until they write again (" + summary + ")" : summary;
	}

	/** WhatsApp identifies a sender by their phone number, in international format without the +. */
	@Override
	public Optional<String> senderPhone(String sender) {
		return sender.matches("\\d{8,15}") ? Optional.of("+" + sender) : Optional.empty();
	}

	@Override
	public void send(PracticeId practice, String recipient, String text) {
		WhatsAppAccount account = accounts.require(practice);
		ObjectNode body = json.createObjectNode();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", recipient);
		body.put("type", "text");
		ObjectNode content = body.putObject("text");
		content.put("preview_url", false);
		content.put("body", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.messagesUrl(account.phoneNumberId())))
			.timeout(OutboundHttp.REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + account.accessToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = OutboundHttp.exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw MetaPlatform.failure(json, response);
		}
	}

}
