package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.RawHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that go wrong before Frontdesk's own code sees them (in Tomcat, in Spring MVC, in the servlet error page)
 * are answered with RFC 9457 problems too: never an HTML error page, a stack trace, a server version or a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorResponsesTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void malformedRequestsGetProblemsAndNothingOfTheInternals() {
		Map<String, Integer> requests = new LinkedHashMap<>();
		requests.put(get("/api/chat%zz"), 400);
		requests.put(get("/api/%00chat"), 400);
		requests.put("GET /a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
		requests.put(get("/api/conversations/%2e%2e"), 400);
		requests.put(get("/api/conversations/a;b=c"), 400);
		requests.put(get("/../../etc/passwd"), 400);
		requests.put("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 400);
		requests.put(get("/error"), 404);
		requests.put(get("/no/such/page"), 404);
		requests.put(get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=%zz"), 400);
		requests.put("GET /api/chat HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", 505);
		requests.put("FOO /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
		requests.put("DELETE /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405);
		requests.put(post("application/json; charset=bogus", "{\"message\":\"hi\"}"), 415);
		requests.put(post(";;;", "{\"message\":\"hi\"}"), 415);
		requests.put("POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 40000\r\n\r\n{}", 413);
		requests.put(post("text/plain", "{\"message\":\"hi\"}"), 415);
		requests.put(post("application/json", "{\"message\":\"hi\""), 400);
		requests.put("POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
				+ "Content-Length: abc\r\n\r\n{}", 400);
		requests.put("POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400);

		requests.forEach((request, status) -> {
			RawHttp.Reply reply = RawHttp.send(port, request);
			String what = request.substring(0, Math.min(60, request.length()));
			assertThat(reply.status()).as(what).isEqualTo(status);
			assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(reply.body());
			assertThat(problem.get("status").intValue()).as(what).isEqualTo(status);
			assertThat(problem.get("title").stringValue()).as(what).isNotBlank();
			assertThat(problem.get("requestId").stringValue()).as(what).isEqualTo(reply.header("X-Request-Id"));
			assertThat(reply.text()).as(what).doesNotContain("Exception", "at com.", "at org.", "Tomcat", "<html",
					"trace", "\"path\"");
		});
	}

	@Test
	void theRequestIdComesBackInTheHeaderAndInProblems() {
		RawHttp.Reply chosen = RawHttp.send(port, post("application/json", "{\"message\": 5}")
			.replace("Connection: close\r\n", "Connection: close\r\nX-Request-Id: checkout-42.a:b_c-1\r\n"));
		RawHttp.Reply unsafe = RawHttp.send(port, post("application/json", "{\"message\": 5}")
			.replace("Connection: close\r\n", "Connection: close\r\nX-Request-Id: <script>\r\n"));
		RawHttp.Reply personal = RawHttp.send(port, post("application/json", "{\"message\": 5}")
			.replace("Connection: close\r\n", "Connection: close\r\nX-Request-Id: 555-201-3344\r\n"));

		assertThat(chosen.header("X-Request-Id")).isEqualTo("checkout-42.a:b_c-1");
		assertThat(JSON.readTree(chosen.body()).get("requestId").stringValue()).isEqualTo("checkout-42.a:b_c-1");
		for (RawHttp.Reply replaced : new RawHttp.Reply[] { unsafe, personal }) {
			String id = replaced.header("X-Request-Id");
			assertThat(id).matches("[0-9a-f-]{36}");
			assertThat(JSON.readTree(replaced.body()).get("requestId").stringValue()).isEqualTo(id);
		}
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	}

	private static String post(String contentType, String body) {
		return "POST /api/chat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + contentType
				+ "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
	}

}
