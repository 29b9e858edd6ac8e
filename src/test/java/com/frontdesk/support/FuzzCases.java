package com.frontdesk.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile requests for the public endpoints, from a seeded random source (the same seed gives the same requests):
 * random bytes, huge bodies, deeply nested JSON, invalid UTF-8, Unicode edge cases (right-to-left overrides,
 * zero-width characters, lone surrogates, stacks of combining marks, NUL), wrong JSON shapes, mutated and re-signed
 * platform payloads, and raw requests no HTTP client would send.
 */
public final class FuzzCases {

	/** One request: through the HTTP client ({@code raw} null) or as raw bytes on a socket. */
	public record Case(String name, String path, String contentType, byte[] body, Map<String, String> headers,
			byte[] raw) {
	}

	private static final List<String> CHAT = List.of("/api/chat", "/api/chat/stream");

	private static final List<String> EDGE_TEXTS = List.of("\u202Eevil\u202C lateral fusion?", "\u200B\u200C\u200D\uFEFF",
			"e" + "\u0301".repeat(3000), "Z\u0336\u0337\u0338".repeat(300), "\u0000\u0000hello\u0000",
			"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 scar?", "\uFFFF\uFFFE\uFDD0", "\u0085\u2028\u2029 line breaks",
			"\u0627\u0644\u0627\u0646\u062F\u0645\u0627\u062C \u0627\u0644\u062C\u0627\u0646\u0628\u064A \u061F",
			"𝕨𝕙𝕒𝕥 𝕚𝕤 𝕝𝕒𝕥𝕖𝕣𝕒𝕝 𝕗𝕦𝕤𝕚𝕠𝕟", "\t\r\n \u3000", "I lost control of my bladder\u200B", "%s%n%x%99999999s",
			"${jndi:ldap://x/a}", "'; drop table conversation; --", "<script>alert(1)</script>", "\\u0000\\uD800",
			"a".repeat(1999), "🔥".repeat(999));

	private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
		.connectTimeout(java.time.Duration.ofSeconds(5))
		.build();

	private FuzzCases() {
	}

	/** What came back: the status (-1: no HTTP answer) and the body as text. */
	public record Outcome(int status, String body) {

		/**
		 * A server error, also one inside a stream that started fine. {@code 505} (an HTTP version the server does not
		 * speak) is the right answer to a request line claiming HTTP/9.9, not a failure.
		 */
		public boolean serverError() {
			return status >= 500 && status != 505 || body.contains("\"status\":500");
		}

	}

	/** Sends the case to Frontdesk on the port. */
	public static Outcome send(int port, Case fuzz) {
		if (fuzz.raw() != null) {
			RawHttp.Reply reply = RawHttp.send(port, fuzz.raw());
			return new Outcome(reply.status(), reply.text());
		}
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + fuzz.path()))
			.timeout(java.time.Duration.ofSeconds(30))
			.header("Content-Type", fuzz.contentType())
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
		fuzz.headers().forEach(request::header);
		try {
			java.net.http.HttpResponse<String> response = HTTP.send(request.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Outcome(response.statusCode(), response.body());
		}
		catch (java.io.IOException ex) {
			// The server may close the connection after refusing a body it did not read (413): no status to judge.
			return new Outcome(-1, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(-1, "interrupted");
		}
	}

	/** The next hostile request. */
	public static Case next(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> randomBytes(random);
			case 1 -> hugeBody(random);
			case 2 -> deepJson(random);
			case 3 -> invalidUtf8(random);
			case 4 -> edgeText(random);
			case 5 -> wrongShape(random);
			case 6, 7 -> mutatedWebhook(random);
			case 8 -> webhookWithEdgeText(random);
			case 9 -> rawRequest(random);
			case 10 -> oddHeaders(random);
			default -> jsonEscapes(random);
		};
	}

	private static Case randomBytes(Random random) {
		byte[] body = new byte[random.nextInt(4096)];
		random.nextBytes(body);
		String path = pick(random, List.of("/api/chat", "/api/chat/stream", "/webhooks/whatsapp", "/webhooks/messenger",
				"/webhooks/telegram", "/webhooks/sms", "/api/callbacks", "/api/feedback"));
		return new Case("random bytes", path, pick(random, List.of("application/json", "application/x-www-form-urlencoded",
				"text/plain", "application/octet-stream")), body, Map.of(), null);
	}

	private static Case hugeBody(Random random) {
		int size = pick(random, List.of(17 * 1024, 200 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024));
		String path = pick(random, List.of("/api/chat", "/api/chat/stream", "/webhooks/whatsapp", "/webhooks/sms"));
		byte[] body = ("{\"message\": \"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
		return new Case("huge body " + size, path, "application/json", body, Map.of(), null);
	}

	private static Case deepJson(Random random) {
		int depth = pick(random, List.of(64, 1_000, 10_000, 100_000));
		String open = random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		String nested = open.repeat(depth) + "1" + close.repeat(depth);
		String body = random.nextBoolean() ? nested : "{\"message\": \"hi\", \"x\": " + nested + "}";
		return new Case("deep JSON " + depth, pick(random, CHAT), "application/json",
				body.getBytes(StandardCharsets.UTF_8), Map.of(), null);
	}

	private static Case invalidUtf8(Random random) {
		List<byte[]> broken = List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xA0, (byte) 0xA1 },
				new byte[] { (byte) 0xE2, 0x28, (byte) 0xA1 }, new byte[] { (byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC },
				new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				new byte[] { (byte) 0xFF, (byte) 0xFE }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80 });
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("{\"message\": \"what is ".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 1 + random.nextInt(5); i++) {
			body.writeBytes(pick(random, broken));
			body.writeBytes(" lateral".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(" fusion?\"}".getBytes(StandardCharsets.UTF_8));
		String type = random.nextBoolean() ? "application/json" : "application/json; charset=ISO-8859-1";
		return new Case("invalid UTF-8", pick(random, CHAT), type, body.toByteArray(), Map.of(), null);
	}

	private static Case edgeText(Random random) {
		String text = pick(random, EDGE_TEXTS);
		return json("Unicode edge case", pick(random, CHAT), Map.of("message", text));
	}

	private static Case jsonEscapes(Random random) {
		String escapes = pick(random, List.of("\\uD800", "\\uDC00\\uD800", "\\u0000", "\\uFFFF", "\\ud83d", "\\u202e",
				"\\x41", "\\u00", "\\", "\\uZZZZ"));
		String body = "{\"conversationId\": null, \"message\": \"scar " + escapes + " size\"}";
		return new Case("JSON escapes " + escapes, pick(random, CHAT), "application/json",
				body.getBytes(StandardCharsets.UTF_8), Map.of(), null);
	}

	private static Case wrongShape(Random random) {
		String body = pick(random, List.of("[]", "null", "\"message\"", "42", "{}", "{\"message\": null}",
				"{\"message\": {\"text\": \"hi\"}}", "{\"message\": 1e999999}", "{\"message\": \"hi\", \"message\": \"hi\"}",
				"{\"conversationId\": 12, \"message\": \"hi\"}", "{\"conversationId\": \"" + "9".repeat(5000) + "\", \"message\": \"x\"}",
				"{\"conversationId\": \"../../etc/passwd\", \"message\": \"x\"}", "{\"message\": \"hi\"} trailing",
				"{\"" + "k".repeat(10_000) + "\": 1, \"message\": \"hi\"}", "{'message': 'single quotes'}",
				"{\"message\": \"hi\",}", "\uFEFF{\"message\": \"bom\"}", "{\"message\": true}",
				"{\"message\": [" + "\"a\",".repeat(3000) + "\"b\"]}"));
		return new Case("wrong shape", pick(random, CHAT), "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(),
				null);
	}

	private static Case mutatedWebhook(Random random) {
		Webhooks.Inbound valid = validWebhook(random, "What is lateral fusion?");
		byte[] body = valid.body().clone();
		Function<byte[], byte[]> mutation = pick(random, List.<Function<byte[], byte[]>>of(b -> flip(random, b),
				b -> java.util.Arrays.copyOf(b, random.nextInt(b.length + 1)), b -> duplicate(random, b),
				b -> insert(random, b, pick(random, List.of("null", "[]", "{}", "\"\"", "-1", "1e400", "\\u0000",
						"[[[[[[[[[[", "\"\\uD800\"")))));
		byte[] mutated = mutation.apply(body);
		Webhooks.Inbound signed = random.nextInt(4) == 0 ? valid : valid.withBody(mutated);
		byte[] sent = signed == valid ? mutated : signed.body();
		return new Case("mutated webhook", signed.path(), signed.contentType(), sent, signed.headers(), null);
	}

	private static Case webhookWithEdgeText(Random random) {
		Webhooks.Inbound inbound = validWebhook(random, pick(random, EDGE_TEXTS));
		return new Case("webhook with an edge-case text", inbound.path(), inbound.contentType(), inbound.body(),
				inbound.headers(), null);
	}

	private static Webhooks.Inbound validWebhook(Random random, String text) {
		String sender = "1555" + (1_000_000 + random.nextInt(8_999_999));
		String id = "fuzz-" + Long.toHexString(random.nextLong());
		return pick(random, Webhooks.all(sender, id, text));
	}

	private static Case rawRequest(Random random) {
		String request = pick(random, List.of(
				"GET /api/chat%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/conversations/%C0%AF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX: " + "b".repeat(20_000) + "\r\n\r\n",
				"POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}\r\n0\r\n\r\n",
				"POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
				"POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -5\r\n\r\n",
				"\u0000\u0001\u0002 garbage\r\n\r\n", "GET /api/chat HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /webhooks/whatsapp?hub.mode=subscribe&hub.challenge=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"POST /webhooks/sms HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded"
						+ "\r\nX-Twilio-Signature: x\r\nContent-Length: 9\r\n\r\nBody=%E0%A",
				"GET /api/widget/config HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAccept: \u00ff\u00fe/\u0001\r\n\r\n"));
		return new Case("raw request", null, null, null, Map.of(), request.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Case oddHeaders(Random random) {
		String type = pick(random, List.of("application/json; charset=bogus", "application/json; charset=UTF-32",
				"application/json;;;", "*/*", "multipart/form-data; boundary=x", "application/problem+json",
				"application/json; charset=\"utf-8\"; q=0.1", "text/event-stream"));
		Map<String, String> headers = Map.of("X-Request-Id", pick(random, List.of("a".repeat(200), "ok-1", "<>")),
				"X-Forwarded-For", pick(random, List.of("not an address", "999.1.1.1", "::ffff:1.2.3.4", "1.2.3.4, , ,")),
				"Accept", pick(random, List.of("text/html", "application/xml", "*/*", "text/event-stream")));
		return new Case("odd headers", pick(random, CHAT), type,
				"{\"message\": \"what is lateral fusion?\"}".getBytes(StandardCharsets.UTF_8), headers, null);
	}

	private static Case json(String name, String path, Map<String, Object> body) {
		return new Case(name, path, "application/json",
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(body), Map.of(), null);
	}

	private static byte[] flip(Random random, byte[] body) {
		byte[] copy = body.clone();
		for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
		}
		return copy;
	}

	private static byte[] duplicate(Random random, byte[] body) {
		int from = random.nextInt(body.length);
		int to = from + random.nextInt(body.length - from);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(body, 0, to);
		out.write(body, from, body.length - from);
		return out.toByteArray();
	}

	private static byte[] insert(Random random, byte[] body, String text) {
		int at = random.nextInt(body.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(body, 0, at);
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		out.write(body, at, body.length - at);
		return out.toByteArray();
	}

	private static <T> T pick(Random random, List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

}
