package com.frontdesk.channels.messenger;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * Sends replies with the Send API ({@code messaging_type: RESPONSE}, the access token of the page the patient wrote
 * to), 2,000 characters a message, within the 24-hour standard messaging window.
 */
@Component
class MessengerChannel implements MessagingChannel {

	private static final ReplyLimits LIMITS = new ReplyLimits(2000, 5);

	private static final Duration STANDARD_WINDOW = Duration.ofHours(24);

	private final MessengerProperties properties;

	private final PracticeAccounts<MessengerAccount> accounts;

	private final JsonMapper json;

	MessengerChannel(MessengerProperties properties, PracticeAccounts<MessengerAccount> accounts, JsonMapper json) {
		this.properties = properties;
		this.accounts = accounts;
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

	/**
	 * Each page's secrets; and the default practice's {@code page-id} once another practice has a page, since events
	 * are then routed by page and the default practice's would be dropped.
	 */
	@Override
	public List<String> missingSettings() {
		List<String> missing = new ArrayList<>(Settings.missing(accounts.all(), MessengerEvents.CHANNEL,
				MessengerAccount::practice, account -> new String[] { "app-secret", account.appSecret(),
						"verify-token", account.verifyToken(),
						"page-access-token", account.pageAccessToken() }));
		if (accounts.defaultLacksItsAccountId()) {
			missing.add(Settings.prefix(PracticeId.DEFAULT, MessengerEvents.CHANNEL) + "page-id");
		}
		return List.copyOf(missing);
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
	public void send(PracticeId practice, String recipient, String text) {
		MessengerAccount account = accounts.require(practice);
		ObjectNode body = json.createObjectNode();
		body.putObject("recipient").put("id", recipient);
		body.put("messaging_type", "RESPONSE");
		body.putObject("message").put("text", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.sendUrl(account.pageAccessToken())))
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
