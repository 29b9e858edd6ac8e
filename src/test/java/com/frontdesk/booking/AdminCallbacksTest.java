package com.frontdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * What the practice's admin sees of callback requests: the list, marking one done, and a CSV export that a
 * spreadsheet opens correctly; nobody else gets in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class AdminCallbacksTest {

	@LocalServerPort
	int port;

	@Autowired
	CallbackRequests callbacks;

	@Test
	void refusesRequestsWithoutValidCredentials() {
		String id = submit("Ivy Lane", "617 555 0100", null, "any");
		for (String authorization : new String[] { null, "Basic " , AdminLogin.basic(AdminLogin.USERNAME, "wrong"),
				"Bearer " + AdminLogin.PASSWORD }) {
			assertRefused(call("GET", "/api/admin/callbacks?status=all", authorization), authorization);
			assertRefused(call("GET", "/api/admin/callbacks.csv", authorization), authorization);
			assertRefused(call("POST", "/api/admin/callbacks/" + id + "/done", authorization), authorization);
		}
		assertThat(callbacks.find(com.frontdesk.practice.PracticeId.DEFAULT, id).orElseThrow().status()).isEqualTo("open");
	}

	@Test
	void listsOpenRequestsNewestFirstAndMarksThemDone() {
		String conversation = new ChatClient(port).chat(null, "I'd like a call back").text("conversationId");
		String first = submit("Jon Moss", "617 555 0101", null, "morning");
		String second = callbacks.submit(new CallbackSubmission(com.frontdesk.practice.PracticeId.DEFAULT, conversation, "web", "Kim Ode", "617 555 0102",
				"kim@example.org", "evening", "Second opinion", true, callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).version(), null)).id();

		JsonNode open = call("GET", "/api/admin/callbacks?status=open", AdminLogin.header()).json();
		List<String> ids = open.findValuesAsString("id");
		assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
		JsonNode kim = find(open, second);
		assertThat(kim.get("createdAt").stringValue()).isNotBlank();
		assertThat(kim.get("channel").stringValue()).isEqualTo("web");
		assertThat(kim.get("conversationId").stringValue()).isEqualTo(conversation);
		assertThat(kim.get("name").stringValue()).isEqualTo("Kim Ode");
		assertThat(kim.get("phone").stringValue()).isEqualTo("+16175550102");
		assertThat(kim.get("email").stringValue()).isEqualTo("kim@example.org");
		assertThat(kim.get("preferredTime").stringValue()).isEqualTo("evening");
		assertThat(kim.get("reason").stringValue()).isEqualTo("Second opinion");
		assertThat(kim.get("status").stringValue()).isEqualTo("open");
		assertThat(kim.get("consentText").stringValue()).isEqualTo(callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).text());
		assertThat(kim.get("consentAt").stringValue()).isNotBlank();
		assertThat(kim.get("doneAt").isNull()).isTrue();
		assertThat(kim.get("deliveryStatus").stringValue()).isEqualTo("not_configured");

		Response done = call("POST", "/api/admin/callbacks/" + second + "/done", AdminLogin.header());
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().get("status").stringValue()).isEqualTo("done");
		String doneAt = done.json().get("doneAt").stringValue();
		assertThat(call("POST", "/api/admin/callbacks/" + second + "/done", AdminLogin.header()).json().get("doneAt")
			.stringValue()).as("marking it done again changes nothing").isEqualTo(doneAt);

		assertThat(call("GET", "/api/admin/callbacks", AdminLogin.header()).json().findValuesAsString("id"))
			.contains(first).doesNotContain(second);
		assertThat(call("GET", "/api/admin/callbacks?status=done", AdminLogin.header()).json().findValuesAsString("id"))
			.contains(second).doesNotContain(first);
		assertThat(call("GET", "/api/admin/callbacks?status=all", AdminLogin.header()).json().findValuesAsString("id"))
			.contains(first, second);
	}

	@Test
	void unknownIdsAndQueriesAreProblems() {
		Response unknown = call("POST", "/api/admin/callbacks/no-such-request/done", AdminLogin.header());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		for (String query : new String[] { "?status=everything", "?limit=0", "?limit=abc", "?limit=99999" }) {
			Response bad = call("GET", "/api/admin/callbacks" + query, AdminLogin.header());
			assertThat(bad.status()).as(query).isEqualTo(400);
			assertThat(bad.contentType()).as(query).startsWith("application/problem+json");
		}
	}

	@Test
	void theCsvExportOpensCorrectlyInASpreadsheet() throws Exception {
		String tricky = submit("=HYPERLINK(\"http://evil.example\",\"Click\")", "617 555 0103", null, "afternoon",
				"Back pain, \"sciatica\"\nsince March; -2+3 @home");
		String unicode = submit("José Müller-山田 Ødegård", "+44 7700 900123", null, "any", "+1 to a fusion?");

		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/callbacks.csv"))
				.header("Authorization", AdminLogin.header())
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("callback-requests.csv");
		byte[] bytes = response.body();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).as("UTF-8 byte order mark")
			.containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n").endsWith("\r\n");

		List<List<String>> rows = Rfc4180.parse(text);
		assertThat(rows.get(0)).containsExactly("id", "createdAt", "channel", "conversationId", "name", "phone", "email",
				"preferredTime", "reason", "status", "consentText", "consentAt", "doneAt", "deliveryStatus");
		assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).hasSize(14));
		Map<String, List<String>> byId = rows.subList(1, rows.size())
			.stream()
			.collect(Collectors.toMap(row -> row.get(0), row -> row));

		List<String> evil = byId.get(tricky);
		assertThat(evil.get(4)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
		assertThat(evil.get(5)).isEqualTo("'+16175550103");
		assertThat(evil.get(7)).isEqualTo("afternoon");
		assertThat(evil.get(8)).isEqualTo("Back pain, \"sciatica\"\nsince March; -2+3 @home");
		assertThat(evil.get(10)).isEqualTo(callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).text());
		List<String> jose = byId.get(unicode);
		assertThat(jose.get(4)).isEqualTo("José Müller-山田 Ødegård");
		assertThat(jose.get(5)).isEqualTo("'+447700900123");
		assertThat(jose.get(8)).isEqualTo("'+1 to a fusion?");
		for (List<String> row : rows) {
			for (String cell : row) {
				assertThat(cell).as("no cell a spreadsheet would run as a formula").doesNotStartWith("=")
					.doesNotStartWith("+")
					.doesNotStartWith("-")
					.doesNotStartWith("@");
			}
		}
	}

	private String submit(String name, String phone, String email, String time) {
		return submit(name, phone, email, time, null);
	}

	private String submit(String name, String phone, String email, String time, String reason) {
		return callbacks.submit(new CallbackSubmission(com.frontdesk.practice.PracticeId.DEFAULT, null, "web", name, phone, email, time, reason, true,
				callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).version(), null)).id();
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode item : list) {
			if (item.get("id").stringValue().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no " + id);
	}

	private static void assertRefused(Response response, String authorization) {
		assertThat(response.status()).as(String.valueOf(authorization)).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Ivy").doesNotContain("+1617");
	}

	private Response call(String method, String path, String authorization) {
		return new ChatClient(port).call(method, path, authorization);
	}

	/** A strict RFC 4180 reader, written for the test: quoted fields, doubled quotes, CRLF records. */
	static final class Rfc4180 {

		static List<List<String>> parse(String text) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i += 2;
						continue;
					}
					if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
					i++;
					continue;
				}
				if (c == '"') {
					assertThat(cell).as("a quote only opens a field").isEmpty();
					quoted = true;
				}
				else if (c == ',') {
					row.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '\r') {
					assertThat(text.charAt(i + 1)).as("records end with CRLF").isEqualTo('\n');
					row.add(cell.toString());
					cell.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
					i++;
				}
				else {
					assertThat(c).as("no bare line feed outside quotes").isNotEqualTo('\n');
					cell.append(c);
				}
				i++;
			}
			assertThat(quoted).as("no unterminated quote").isFalse();
			return rows;
		}

	}

}
