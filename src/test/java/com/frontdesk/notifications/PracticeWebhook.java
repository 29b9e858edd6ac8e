package com.frontdesk.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practice's own system receiving Frontdesk's notices: a WireMock endpoint that can be down (503) or up (200),
 * and a signature check written here from the documented scheme, independent of Frontdesk's code.
 */
final class PracticeWebhook implements AutoCloseable {

	static final String PATH = "/frontdesk/notices";

	static final String SECRET = "whsec_test_5f2b8c1d0e";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final String secret;

	PracticeWebhook() {
		this(SECRET);
	}

	/** A practice's endpoint that shares the given secret with Frontdesk. */
	PracticeWebhook(String secret) {
		this.secret = secret;
		server.start();
		up();
	}

	String url() {
		return server.baseUrl() + PATH;
	}

	void up() {
		server.resetMappings();
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
	}

	/** Up, but slow: each notice takes a while to be acknowledged (widens any race between two senders). */
	void slow(int millis) {
		server.resetMappings();
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(millis)));
	}

	void down() {
		server.resetMappings();
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withBody("maintenance")));
	}

	void reset() {
		server.resetAll();
		up();
	}

	/** Every request received, answered or not, oldest first. */
	List<LoggedRequest> received() {
		return server.findAll(postRequestedFor(urlEqualTo(PATH)));
	}

	JsonNode json(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString());
	}

	/** Checks {@code X-Frontdesk-Signature} as the practice would: HMAC-SHA256 over "timestamp.body". */
	static boolean signedBySharedSecret(LoggedRequest request) {
		return signedWith(SECRET, request);
	}

	/** True when the request is signed with this endpoint's own secret. */
	boolean signedByItsSecret(LoggedRequest request) {
		return signedWith(secret, request);
	}

	private static boolean signedWith(String secret, LoggedRequest request) {
		String timestamp = request.getHeader("X-Frontdesk-Timestamp");
		String signature = request.getHeader("X-Frontdesk-Signature");
		if (timestamp == null || signature == null || !signature.startsWith("sha256=")) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			String expected = HexFormat.of().formatHex(mac.doFinal(request.getBody()));
			return expected.equals(signature.substring("sha256=".length()));
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError(ex);
		}
	}

	@Override
	public void close() {
		server.stop();
	}

}
