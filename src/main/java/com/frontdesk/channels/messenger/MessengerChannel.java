package com.frontdesk.channels.messenger;

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
 * Sends replies with the Send API ({@code messaging_type: RESPONSE}, page access token), 2,000 characters a
 * message, within the 24-hour standard messaging window.
 */
@Component
class MessengerChannel implements MessagingChannel {

	private static final ReplyLimits LIMITS = new ReplyLimits(2000, 5);

	private static final Duration STANDARD_WINDOW = Duration.ofHours(24);

	private final MessengerProperties properties;

	private final JsonMapper json;

	MessengerChannel(MessengerProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String name() {
		return MessengerEvents.CHANNEL;
	}

	@Override
	public boolean enabled() {
		return properties.enabled();
	}

	@Override
	public List<String> missingSettings() {
		return Settings.missing("app-secret", properties.appSecret(),
				"verify-token", properties.verifyToken(),
				"page-access-token", properties.pageAccessToken());
	}

	@Override
	public ReplyLimits limits() {
		return LIMITS;
	}

	@Override
	public Optional<Duration> replyWindow() {
		return Optional.of(STANDARD_WINDOW);
	}

	/** Graph error 10: sent outside the standard messaging window. */
	@Override
	public String explainFailure(String summary) {
		return summary.contains("Graph error 10)")
				? "outside Messenger's 24-hour window since the patient last wrote (" + summary + ")" : summary;
	}

	@Override
	public void send(String recipient, String text) {
		ObjectNode body = json.createObjectNode();
		body.putObject("recipient").put("id", recipient);
		body.put("messaging_type", "RESPONSE");
		body.putObject("message").put("text", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.sendUrl()))
			.timeout(OutboundHttp.REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = OutboundHttp.exchange(request);
		if (response.statusCode() / 100 != 2) {
			throw MetaPlatform.failure(json, response);
		}
	}

}
