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
import com.frontdesk.channels.messaging.ReplyLimits;
import com.frontdesk.channels.messaging.Settings;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends free-form text replies through the Cloud API (bearer token), 4,096 characters a message, and only within
 * the 24-hour customer-service window that the patient's message opened.
 */
@Component
class WhatsAppChannel implements MessagingChannel {

	private static final ReplyLimits LIMITS = new ReplyLimits(4096, 4);

	private static final Duration SERVICE_WINDOW = Duration.ofHours(24);

	private final WhatsAppProperties properties;

	private final JsonMapper json;

	WhatsAppChannel(WhatsAppProperties properties, JsonMapper json) {
		this.properties = properties;
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
		return Settings.missing("app-secret", properties.appSecret(),
				"verify-token", properties.verifyToken(),
				"access-token", properties.accessToken(),
				"phone-number-id", properties.phoneNumberId());
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
	public void send(String recipient, String text) {
		ObjectNode body = json.createObjectNode();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", recipient);
		body.put("type", "text");
		ObjectNode content = body.putObject("text");
		content.put("preview_url", false);
		content.put("body", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.messagesUrl()))
			.timeout(OutboundHttp.REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + properties.accessToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = OutboundHttp.exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw MetaPlatform.failure(json, response);
		}
	}

}
