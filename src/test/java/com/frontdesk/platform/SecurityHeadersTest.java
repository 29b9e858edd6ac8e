package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;

/**
 * Behind the documented TLS-terminating proxy: forwarded headers are believed from the trusted proxy only (here the
 * IPv4 loopback address; the same server reached over IPv6 loopback is an untrusted client), so HSTS is sent for
 * what the proxy received over HTTPS and the rate limits count the patient's address, not the proxy's; and every page
 * served carries a Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.limits.trusted-proxies=127.0.0.1", "frontdesk.limits.rate-limiting=true",
				"frontdesk.limits.endpoints.chat.per-client=2/1h", "frontdesk.limits.endpoints.chat.per-conversation=off",
				AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class SecurityHeadersTest {

	static final String PROXY = "127.0.0.1";

	static final String UNTRUSTED = "[::1]";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRequestTheTrustedProxyReceivedOverHttpsGetsStrictTransportSecurity() {
		HttpResponse<String> https = send(PROXY, "/api/widget/config", "X-Forwarded-Proto", "https", "X-Forwarded-For",
				"203.0.113.5");
		HttpResponse<String> plain = send(PROXY, "/api/widget/config", "X-Forwarded-For", "203.0.113.5");

		assertThat(https.statusCode()).isEqualTo(200);
		assertThat(https.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000")
			.contains("includeSubDomains");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("plain HTTP gets no HSTS").isEmpty();
	}

	@Test
	void redirectsStayOnHttpsBehindTheProxy() {
		HttpResponse<String> redirect = send(PROXY, "/admin", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
				"frontdesk.example.org", "Authorization", AdminLogin.header());

		assertThat(redirect.statusCode()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).as("relative, or absolute on HTTPS at the proxy's host")
			.satisfiesAnyOf(l -> assertThat(l).isEqualTo("/admin/"),
					l -> assertThat(l).isEqualTo("https://frontdesk.example.org/admin/"));
	}

	@Test
	void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
		HttpResponse<String> https = send(UNTRUSTED, "/api/widget/config", "X-Forwarded-Proto", "https");

		assertThat(https.statusCode()).isEqualTo(200);
		assertThat(https.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(chat(UNTRUSTED, "198.51.100.1").statusCode()).isEqualTo(200);
		assertThat(chat(UNTRUSTED, "198.51.100.2").statusCode()).isEqualTo(200);
		assertThat(chat(UNTRUSTED, "198.51.100.3").statusCode()).as("counted under the connection's own address")
			.isEqualTo(429);
	}

	@Test
	void behindTheTrustedProxyEachPatientIsCountedByTheirOwnAddress() {
		for (int i = 0; i < 2; i++) {
			assertThat(chat(PROXY, "192.0.2.60").statusCode()).isEqualTo(200);
		}
		assertThat(chat(PROXY, "192.0.2.60").statusCode()).isEqualTo(429);
		assertThat(chat(PROXY, "unknown, 192.0.2.61").statusCode()).as("a hop that is no address is not read")
			.isEqualTo(200);
		assertThat(chat(PROXY, "192.0.2.60, 192.0.2.62").statusCode()).as("the nearest hop is the client")
			.isEqualTo(200);
	}

	@Test
	void everyPageServedCarriesAContentSecurityPolicy() {
		for (String page : new String[] { "/", "/index.html", "/try.html", "/widget.js", "/no/such/page" }) {
			HttpResponse<String> response = send(PROXY, page);

			assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
				.hasValue(AdminSecurity.CONTENT_SECURITY_POLICY);
		}
		HttpResponse<String> admin = send(PROXY, "/admin/", "Authorization", AdminLogin.header());
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(AdminSecurity.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval", "*");
	}

	private HttpResponse<String> chat(String host, String forwardedFor) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/chat"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hello\"}"))
			.build();
		return send(request);
	}

	private HttpResponse<String> send(String host, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
