package com.frontdesk.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.frontdesk.channels.messaging.Fixtures;
import com.frontdesk.channels.messaging.WebhookSignatures;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every messaging channel switched on against one WireMock server standing in for the platforms' send APIs, and
 * inbound requests signed the way each platform signs them (built from the shared payloads under
 * {@code src/test/resources/channels/}), for tests that span all channels.
 */
public final class Webhooks {

	public static final String APP_SECRET = "test_app_secret";

	public static final String TELEGRAM_SECRET = "test-secret_token-123";

	public static final String TWILIO_TOKEN = "test_auth_token_0123456789abcdef";

	public static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000001";

	public static final String SMS_PUBLIC_URL = "https://example.com/webhooks/twilio/sms";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Webhooks() {
	}

	/** Settings that switch all four channels on, sending to {@code platforms}. */
	public static Map<String, String> settings(String platforms) {
		return Map.ofEntries(Map.entry("frontdesk.channels.whatsapp.enabled", "true"),
				Map.entry("frontdesk.channels.whatsapp.app-secret", APP_SECRET),
				Map.entry("frontdesk.channels.whatsapp.verify-token", "verify"),
				Map.entry("frontdesk.channels.whatsapp.access-token", "EAAG-test-token"),
				Map.entry("frontdesk.channels.whatsapp.phone-number-id", "106540352242922"),
				Map.entry("frontdesk.channels.whatsapp.api-base-url", platforms + "/v23.0"),
				Map.entry("frontdesk.channels.messenger.enabled", "true"),
				Map.entry("frontdesk.channels.messenger.app-secret", APP_SECRET),
				Map.entry("frontdesk.channels.messenger.verify-token", "verify"),
				Map.entry("frontdesk.channels.messenger.page-access-token", "EAAPage-token"),
				Map.entry("frontdesk.channels.messenger.api-base-url", platforms + "/v23.0"),
				Map.entry("frontdesk.channels.telegram.enabled", "true"),
				Map.entry("frontdesk.channels.telegram.bot-token", "123456:TEST-token"),
				Map.entry("frontdesk.channels.telegram.secret-token", TELEGRAM_SECRET),
				Map.entry("frontdesk.channels.telegram.api-base-url", platforms),
				Map.entry("frontdesk.channels.sms.enabled", "true"),
				Map.entry("frontdesk.channels.sms.account-sid", TWILIO_ACCOUNT),
				Map.entry("frontdesk.channels.sms.auth-token", TWILIO_TOKEN),
				Map.entry("frontdesk.channels.sms.from-number", "+15005550006"),
				Map.entry("frontdesk.channels.sms.public-url", SMS_PUBLIC_URL),
				Map.entry("frontdesk.channels.sms.api-base-url", platforms),
				Map.entry("frontdesk.channels.outbound.initial-backoff", "10ms"),
				Map.entry("frontdesk.channels.outbound.max-backoff", "50ms"));
	}

	/** The send APIs of all four platforms answer as they do when a message is accepted. */
	public static void acceptSends(WireMockServer platforms) {
		platforms.stubFor(post(urlPathMatching("/v23.0/[0-9]+/messages"))
			.willReturn(okJson(Fixtures.text("outbound/whatsapp-send-text.response.json"))));
		platforms.stubFor(post(urlPathEqualTo("/v23.0/me/messages"))
			.willReturn(okJson(Fixtures.text("outbound/messenger-send-text.response.json"))));
		platforms.stubFor(post(urlPathMatching("/bot.*/sendMessage")).willReturn(okJson("{\"ok\": true, \"result\": {}}")));
		platforms.stubFor(post(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
			.willReturn(okJson("{\"sid\": \"SM00000000000000000000000000000001\", \"status\": \"queued\"}")));
	}

	/** An inbound request: where it goes, its body and its headers. */
	public record Inbound(String path, String contentType, byte[] body, Map<String, String> headers) {

		public HttpRequest request(int port) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			headers.forEach(request::header);
			return request.build();
		}

		/** The same request with another body, signed again as the platform would sign it. */
		public Inbound withBody(byte[] other) {
			return switch (path) {
				case "/webhooks/whatsapp", "/webhooks/messenger" -> meta(path, other);
				case "/webhooks/telegram" -> new Inbound(path, contentType, other, headers);
				default -> new Inbound(path, contentType, other,
						Map.of("X-Twilio-Signature", twilioSignature(other)));
			};
		}

	}

	/** A WhatsApp text notification shaped like whatsapp-text.json, sent now, Meta-signed. */
	public static Inbound whatsApp(String from, String messageId, String text) {
		return whatsApp("106540352242922", APP_SECRET, from, messageId, text);
	}

	/**
	 * A WhatsApp text notification to a business number, shaped like whatsapp-text.json, sent now, signed with the
	 * secret of the Meta app the number is on.
	 */
	public static Inbound whatsApp(String phoneNumberId, String appSecret, String from, String messageId, String text) {
		String fixture = Fixtures.text("whatsapp-text.json");
		String message = """
				{"from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": {"body": %s}}""".formatted(from,
				messageId, Instant.now().getEpochSecond(), JSON.writeValueAsString(text));
		int start = fixture.indexOf("\"messages\": [") + "\"messages\": [".length();
		int end = fixture.indexOf(']', start);
		byte[] body = (fixture.substring(0, start) + message + fixture.substring(end))
			.replace("\"wa_id\": \"16505551234\"", "\"wa_id\": \"" + from + "\"")
			.replace("\"phone_number_id\": \"106540352242922\"", "\"phone_number_id\": \"" + phoneNumberId + "\"")
			.getBytes(StandardCharsets.UTF_8);
		return meta("/webhooks/whatsapp", body, appSecret);
	}

	/** A Messenger text event shaped like messenger-text.json, sent now, Meta-signed. */
	public static Inbound messenger(String psid, String mid, String text) {
		String fixture = Fixtures.text("messenger-text.json");
		int start = fixture.indexOf("\"message\": {");
		int end = fixture.indexOf('}', start) + 1;
		byte[] body = (fixture.substring(0, start) + "\"message\": {\"mid\": \"" + mid + "\", \"text\": "
				+ JSON.writeValueAsString(text) + "}" + fixture.substring(end))
			.replace("\"id\": \"1000000000000001\"", "\"id\": \"" + psid + "\"")
			.replace("\"timestamp\": 1458692752478", "\"timestamp\": " + Instant.now().toEpochMilli())
			.getBytes(StandardCharsets.UTF_8);
		return meta("/webhooks/messenger", body);
	}

	/** A Telegram update shaped like telegram-update-text.json, with the secret token. */
	public static Inbound telegram(long updateId, long chatId, String text) {
		return telegram("/webhooks/telegram", TELEGRAM_SECRET, updateId, chatId, text);
	}

	/** A Telegram update to a bot's webhook path ({@code /webhooks/telegram/<practice>}), with its secret token. */
	public static Inbound telegram(String path, String secret, long updateId, long chatId, String text) {
		byte[] body = Fixtures.text("telegram-update-text.json")
			.replace("\"update_id\": 10000", "\"update_id\": " + updateId)
			.replace("\"id\": 1111111", "\"id\": " + chatId)
			.replace("\"text\": \"/start\"", "\"text\": " + JSON.writeValueAsString(text))
			.getBytes(StandardCharsets.UTF_8);
		return new Inbound(path, "application/json", body, Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
	}

	/** A Twilio SMS webhook form like twilio-sms.form, signed over the public URL. */
	public static Inbound sms(String messageSid, String from, String text) {
		return sms("+15005550006", messageSid, from, text);
	}

	/** A Twilio SMS webhook form like twilio-sms.form to one of the account's numbers, signed over the public URL. */
	public static Inbound sms(String to, String messageSid, String from, String text) {
		String sid = URLEncoder.encode(messageSid, StandardCharsets.UTF_8);
		byte[] form = ("ToCountry=US&SmsMessageSid=" + sid + "&NumMedia=0&SmsSid=" + sid + "&SmsStatus=received&Body="
				+ URLEncoder.encode(text, StandardCharsets.UTF_8) + "&To=" + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&NumSegments=1&MessageSid=" + sid
				+ "&AccountSid=" + TWILIO_ACCOUNT + "&From=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
				+ "&ApiVersion=2010-04-01").getBytes(StandardCharsets.UTF_8);
		return new Inbound("/webhooks/sms", "application/x-www-form-urlencoded", form,
				Map.of("X-Twilio-Signature", twilioSignature(form)));
	}

	private static Inbound meta(String path, byte[] body) {
		return meta(path, body, APP_SECRET);
	}

	private static Inbound meta(String path, byte[] body, String appSecret) {
		return new Inbound(path, "application/json", body,
				Map.of("X-Hub-Signature-256", "sha256=" + WebhookSignatures.hmacSha256Hex(appSecret, body)));
	}

	/** Twilio's signature: the URL, then each parameter's name and value in name order, HMAC-SHA1, Base64. */
	private static String twilioSignature(byte[] form) {
		List<String[]> parameters = new ArrayList<>();
		for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			String[] nameValue = pair.split("=", 2);
			try {
				parameters.add(new String[] { decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "" });
			}
			catch (IllegalArgumentException ex) {
				parameters.add(new String[] { nameValue[0], nameValue.length > 1 ? nameValue[1] : "" });
			}
		}
		parameters.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
		StringBuilder data = new StringBuilder(SMS_PUBLIC_URL);
		parameters.forEach(p -> data.append(p[0]).append(p[1]));
		return WebhookSignatures.hmacSha1Base64(TWILIO_TOKEN, data.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
	}

	/** The text of a WhatsApp Cloud API send request. */
	public static String whatsAppText(LoggedRequest sent) {
		return JSON.readTree(sent.getBodyAsString()).at("/text/body").stringValue();
	}

	/** The body of a Twilio Messages API request. */
	public static String smsBody(LoggedRequest sent) {
		return sent.formParameters().get("Body").firstValue();
	}

	/** All four channels' inbound requests for one text. */
	public static List<Inbound> all(String sender, String messageId, String text) {
		long number = Math.abs((sender + messageId).hashCode());
		return Arrays.asList(whatsApp(sender, "wamid." + messageId, text), messenger(sender, "m_" + messageId, text),
				telegram(number, Long.parseLong(sender.replaceAll("\\D", "")), text),
				sms("SM" + messageId, "+" + sender.replaceAll("\\D", ""), text));
	}

}
