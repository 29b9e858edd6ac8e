package com.frontdesk.widget;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A practice's own website on another origin ({@code http://127.0.0.1:<port>}, while Frontdesk runs on
 * {@code http://localhost:<port>}): static pages with the one script tag, a booking page, a CSP report collector,
 * and under {@code /fake/} a scripted stand-in for Frontdesk that streams slowly or fails on purpose.
 */
final class HostSite implements AutoCloseable {

	private final HttpServer server;

	private final List<String> cspReports = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Semaphore carryOn = new Semaphore(0);

	private volatile int appPort;

	HostSite() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	String origin() {
		return "http://127.0.0.1:" + port();
	}

	String url(String path) {
		return origin() + path;
	}

	void appPort(int port) {
		this.appPort = port;
	}

	List<String> cspReports() {
		return cspReports;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			switch (path) {
				case "/clinic.html" -> clinic(exchange);
				case "/clinic.css" -> send(exchange, 200, "text/css", "body{font-family:serif;margin:2rem}");
				case "/aggressive.html" -> aggressive(exchange);
				case "/northside.html" -> send(exchange, 200, "text/html",
						page("http://localhost:" + appPort + "/widget.js", " data-practice=\"northside\""));
				case "/clinica.html" -> send(exchange, 200, "text/html",
						page("http://localhost:" + appPort + "/widget.js", "").replace("<html lang=\"en\">",
								"<html lang=\"es-MX\">"));
				case "/book" -> send(exchange, 200, "text/html",
						"<!doctype html><html lang=en><title>Book a consultation</title><h1>Book a consultation</h1>");
				case "/csp-report" -> {
					cspReports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
					send(exchange, 204, "text/plain", "");
				}
				case "/fake/page.html" -> send(exchange, 200, "text/html", page("/fake/widget.js", ""));
				case "/fake/widget.js" -> send(exchange, 200, "text/javascript", widgetScript());
				case "/fake/api/widget/config" -> send(exchange, 200, "application/json", """
						{"practiceName":"Scripted Practice","phone":"+1-555-0100","phoneUri":"tel:+15550100",
						 "bookingUrl":"%s/book","emergencyNumber":"911","emergencyUri":"tel:911","crisisLine":"988",
						 "starterQuestions":[],"maxMessageLength":2000}""".formatted(origin()));
				case "/fake/api/chat/stream" -> scriptedStream(exchange);
				default -> send(exchange, 404, "text/plain", "not found");
			}
		}
	}

	/** A page with a strict CSP that allows scripts and connections only to Frontdesk and reports violations. */
	private void clinic(HttpExchange exchange) throws IOException {
		String app = "http://localhost:" + appPort;
		exchange.getResponseHeaders()
			.add("Content-Security-Policy", "default-src 'none'; script-src " + app + "; connect-src " + app
					+ "; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; report-uri /csp-report");
		send(exchange, 200, "text/html", page(app + "/widget.js",
				" data-position=\"left\" data-accent=\"#6a1b9a\" data-title=\"Clinic Chat\""
						+ " data-greeting=\"Hello from the clinic! Ask me about lateral fusion.\" data-open=\"true\""));
	}

	/** A page whose own CSS tries hard to restyle everything. */
	private void aggressive(HttpExchange exchange) throws IOException {
		String style = """
				<style>
				* { color: red !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important;
				    line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important;
				    background: yellow !important; }
				div, p, span { border: 5px solid lime !important; padding: 30px !important; margin: 20px !important; }
				button { display: none !important; }
				a { color: red !important; text-decoration: line-through !important; }
				html { font-size: 5px !important; }
				</style>""";
		send(exchange, 200, "text/html", page("http://localhost:" + appPort + "/widget.js", "").replace("</head>",
				style + "</head>"));
	}

	private static String page(String script, String attributes) {
		return """
				<!doctype html>
				<html lang="en">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Our clinic</title><link rel="stylesheet" href="/clinic.css"></head>
				<body><main><h1>Our clinic</h1><p>Welcome to our spine clinic.</p></main>
				<script src="%s" defer%s></script>
				</body>
				</html>""".formatted(script, attributes);
	}

	/**
	 * Frontdesk's stream, scripted by the message: "stream slowly" sends one word every 250 ms; "answer at length" a
	 * long answer line by line ("answer in two parts": the second part once the test says so); "a list in two parts"
	 * a numbered and a bulleted list, the end once the test says so; "server fails once" answers 503 the first time;
	 * "network drops once" breaks the connection mid-answer the first time.
	 */
	private void scriptedStream(HttpExchange exchange) throws IOException {
		if (exchange.getRequestMethod().equals("OPTIONS")) {
			send(exchange, 204, "text/plain", "");
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String message = body.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1");
		int attempt = attempts.computeIfAbsent(message, m -> new AtomicInteger()).incrementAndGet();
		if (message.equals("server fails once") && attempt == 1) {
			send(exchange, 503, "application/problem+json",
					"{\"status\":503,\"title\":\"Knowledge not available\",\"detail\":\"The practice's information cannot be searched right now.\"}");
			return;
		}
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		event(out, "meta", "{\"conversationId\":\"scripted-1\"}");
		if (message.equals("html please")) {
			hostileReply(out);
			return;
		}
		if (message.equals("answer at length") || message.equals("answer in two parts")) {
			longReply(out, message.equals("answer in two parts"));
			return;
		}
		if (message.equals("a list in two parts")) {
			listReply(out);
			return;
		}
		String[] words = { "One ", "small ", "scar ", "on ", "your ", "side." };
		int delay = message.equals("stream slowly") ? 250 : 0;
		for (int i = 0; i < words.length; i++) {
			event(out, "token", "{\"text\":\"" + words[i] + "\"}");
			if (message.equals("network drops once") && attempt == 1 && i == 2) {
				throw new IOException("dropping the connection on purpose");
			}
			pause(delay);
		}
		String citations = "[{\"title\":\"Lateral Fusion\",\"section\":\"Scars\",\"url\":\"" + origin()
				+ "/scars\",\"snippet\":\"small scar\"}]";
		event(out, "citations", citations);
		event(out, "actions", "[]");
		event(out, "done", "{\"conversationId\":\"scripted-1\",\"reply\":\"One small scar on your side.\","
				+ "\"intent\":\"answer\",\"citations\":" + citations + ",\"actions\":[]}");
	}

	/**
	 * An answer much taller than the panel, streamed one line at a time (40 ms apart), as a model writes one; in two
	 * parts: the rest of it after line 10 only once the test says {@link #carryOn()}.
	 */
	private void longReply(OutputStream out, boolean inTwoParts) throws IOException {
		StringBuilder reply = new StringBuilder();
		for (int line = 1; line <= 30; line++) {
			if (inTwoParts && line == 11) {
				awaitCarryOn();
			}
			String text = (line == 1 ? "" : "\\n") + "Line " + line + " of a long answer.";
			event(out, "token", "{\"text\":\"" + text + "\"}");
			reply.append(text);
			pause(40);
		}
		event(out, "done", "{\"conversationId\":\"scripted-1\",\"reply\":\"" + reply + "\",\"intent\":\"answer\","
				+ "\"citations\":[],\"actions\":[],\"replyId\":\"long-1\"}");
	}

	/**
	 * A numbered list, then a bulleted one, in pieces as a model writes them: a marker and its words can arrive apart.
	 * After a new line that so far is only "-", the rest comes once the test says {@link #carryOn()}.
	 */
	private void listReply(OutputStream out) throws IOException {
		List<String> pieces = List.of("Before the operation:\\n1", ". Stop smoking.\\n2. Arrange", " a ride home.",
				"\\nIt can treat:\\n", "-", " scoliosis\\n-", " tumors\\n- spinal instability");
		for (int i = 0; i < pieces.size(); i++) {
			if (i == pieces.size() - 1) {
				awaitCarryOn();
			}
			event(out, "token", "{\"text\":\"" + pieces.get(i) + "\"}");
		}
		event(out, "done", "{\"conversationId\":\"scripted-1\",\"reply\":\"" + String.join("", pieces)
				+ "\",\"intent\":\"answer\",\"citations\":[],\"actions\":[],\"replyId\":\"list-1\"}");
	}

	/** Lets an answer "in two parts" continue. */
	void carryOn() {
		carryOn.release();
	}

	private void awaitCarryOn() throws IOException {
		try {
			if (!carryOn.tryAcquire(20, TimeUnit.SECONDS)) {
				throw new IOException("the test never said to carry on");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** A reply full of markup and script URLs, as a compromised or confused server might send. */
	private static void hostileReply(OutputStream out) throws IOException {
		String html = "<img src=x onerror=\\\"window.pwned=1\\\"><b>bold</b>";
		event(out, "token", "{\"text\":\"" + html + "\"}");
		event(out, "done", "{\"conversationId\":\"scripted-1\",\"reply\":\"" + html + "\",\"intent\":\"answer\","
				+ "\"citations\":[{\"title\":\"<i>T</i>\",\"section\":\"S\",\"url\":\"javascript:window.pwned=2\",\"snippet\":\"\"}],"
				+ "\"actions\":[{\"type\":\"book\",\"label\":\"Book\",\"url\":\"javascript:window.pwned=3\"},"
				+ "{\"type\":\"call\",\"label\":\"<script>x</script>Call\",\"url\":\"tel:+1 (555) 0100\",\"phone\":\"+1-555-0100\"}]}");
	}

	private static void event(OutputStream out, String name, String json) throws IOException {
		out.write(("event:" + name + "\ndata:" + json + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void pause(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private final HttpClient http = HttpClient.newHttpClient();

	/** The widget script as the app serves it (with its texts in it). */
	private String widgetScript() throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/widget.js")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
		exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
		if (status != 204) {
			exchange.getResponseBody().write(bytes);
		}
	}

}
