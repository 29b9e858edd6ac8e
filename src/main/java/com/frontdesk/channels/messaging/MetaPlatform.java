package com.frontdesk.channels.messaging;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What WhatsApp and Messenger share as Meta platforms: the {@code hub.challenge} subscription handshake, the
 * {@code X-Hub-Signature-256} HMAC over the raw body, and the Graph API's error codes.
 */
public final class MetaPlatform {

	public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	/** Meta sends a number as {@code hub.challenge}; anything else is not echoed. */
	static final int MAX_CHALLENGE_DIGITS = 32;

	private static final Pattern CHALLENGE = Pattern.compile("[0-9]{1," + MAX_CHALLENGE_DIGITS + "}");

	/** Graph API error codes that mean "slow down" even when the HTTP status is 400. */
	private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80007, 130429, 131056);

	private MetaPlatform() {
	}

	/**
	 * Answers the subscription handshake: the challenge when the mode is {@code subscribe} and the token is one of the
	 * verify tokens set up (each Meta app's webhook has its own; practices on one app share it), and the challenge is
	 * of the shape Meta sends (digits only, at most {@value #MAX_CHALLENGE_DIGITS}).
	 * @throws BadWebhookSignature when the mode or the token is not right (403)
	 * @throws InvalidChallenge when the challenge is missing or not a number (400)
	 */
	public static String challenge(String channel, List<String> verifyTokens, String mode, String token,
			String challenge) {
		boolean known = false;
		for (String verifyToken : verifyTokens) {
			known |= verifyToken != null && !verifyToken.isBlank() && WebhookSignatures.matches(verifyToken, token);
		}
		if (!"subscribe".equals(mode) || !known) {
			throw new BadWebhookSignature(channel);
		}
		if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
			throw new InvalidChallenge(channel);
		}
		return challenge;
	}

	/**
	 * Checks {@code X-Hub-Signature-256: sha256=<hex>} against the HMAC-SHA256 of the raw body with each app secret
	 * set up (one Meta app signs for every practice on it) and says which one made it, so the webhook can check that
	 * each message is for a practice of that app.
	 * @throws UnsignedWebhook when the header is missing (401)
	 * @throws BadWebhookSignature when no app secret made it, or none is configured (403)
	 */
	public static String signedWith(String channel, List<String> appSecrets, String signature, byte[] body) {
		if (signature == null || signature.isBlank()) {
			throw new UnsignedWebhook(channel);
		}
		if (!signature.startsWith("sha256=")) {
			throw new BadWebhookSignature(channel);
		}
		String given = signature.strip().toLowerCase(java.util.Locale.ROOT);
		String signer = null;
		for (String appSecret : appSecrets) {
			String expected = "sha256=" + WebhookSignatures.hmacSha256Hex(appSecret, body == null ? new byte[0] : body);
			if (WebhookSignatures.matches(expected, given) && signer == null) {
				signer = appSecret;
			}
		}
		if (signer == null) {
			throw new BadWebhookSignature(channel);
		}
		return signer;
	}

	/** The failure a Graph API error response means; rate-limit error codes are retryable whatever the status. */
	public static SendFailed failure(JsonMapper json, HttpResponse<String> response) {
		int status = response.statusCode();
		Integer code = errorCode(json, response.body());
		if (code != null && THROTTLED.contains(code)) {
			return new SendFailed("HTTP " + status + " (Graph error " + code + ")", true,
					OutboundHttp.retryAfter(response));
		}
		SendFailed failure = SendFailed.forStatus(status, OutboundHttp.retryAfter(response));
		return code == null ? failure
				: new SendFailed(failure.getMessage() + " (Graph error " + code + ")", failure.retryable(),
						failure.retryAfter().orElse(null));
	}

	private static Integer errorCode(JsonMapper json, String body) {
		try {
			JsonNode code = json.readTree(body == null ? "" : body).path("error").path("code");
			return code.isIntegralNumber() ? code.intValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
