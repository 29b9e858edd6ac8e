package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The practice admin can read who opened which transcript, who exported the callback requests and who deleted a
 * conversation: every admin request that opens patient data or changes something is in {@code GET /api/admin/audit},
 * with the staff account that made it, and nothing is shown that could not be recorded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY,
				"frontdesk.admin.accounts[0].username=front-office",
				"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
				"frontdesk.admin.accounts[1].username=reception", "frontdesk.admin.accounts[1].role=staff",
				"frontdesk.admin.accounts[1].password-hash=" + AdminLogin.PASSWORD_HASH })
class AuditLogTest {

	static final String COLLEAGUE = AdminLogin.basic("front-office", AdminLogin.PASSWORD);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whoOpenedExportedAndDeletedWhatIsInTheAuditLogWithoutThePatientsWords() {
		ChatClient client = new ChatClient(port);
		String conversation = client.chat(null, "My name is Zelda Quarrington, how small are the incisions?")
			.text("conversationId");

		assertThat(client.call("GET", "/api/admin/conversations/" + conversation, AdminLogin.header()).status())
			.isEqualTo(200);
		assertThat(client.call("GET", "/api/admin/callbacks.csv", COLLEAGUE).status()).isEqualTo(200);
		assertThat(client.call("DELETE", "/api/admin/conversations/" + conversation, AdminLogin.header()).status())
			.isEqualTo(204);

		Response audit = client.call("GET", "/api/admin/audit?size=3", AdminLogin.header());
		assertThat(audit.status()).isEqualTo(200);
		List<String> lines = lines(audit.json().get("entries"));
		assertThat(lines).containsExactly(AdminLogin.USERNAME + " conversation deleted " + conversation,
				"front-office callback requests exported null", AdminLogin.USERNAME + " transcript opened " + conversation);
		assertThat(audit.body()).doesNotContain("Zelda").doesNotContain("incisions");
		JsonNode newest = audit.json().get("entries").get(0);
		assertThat(newest.get("at").asString()).isNotBlank();
		assertThat(newest.get("requestId").asString()).isNotBlank();
		assertThat(newest.get("client").asString()).isEqualTo("127.0.*.*");
	}

	@Test
	void readingTheAuditLogIsRecordedTooButSigningInAndRefusedRequestsAreNot() {
		ChatClient client = new ChatClient(port);
		long before = entries();

		assertThat(client.call("GET", "/api/admin/me", COLLEAGUE).status()).isEqualTo(200);
		assertThat(client.call("GET", "/api/admin/conversations/no-such-conversation", COLLEAGUE).status())
			.isEqualTo(404);
		assertThat(client.call("GET", "/api/admin/conversations", null).status()).isEqualTo(401);
		assertThat(entries()).isEqualTo(before);

		assertThat(client.call("GET", "/api/admin/audit?size=1", COLLEAGUE).json().get("total").asLong())
			.isEqualTo(before);
		Response audit = client.call("GET", "/api/admin/audit?size=1", COLLEAGUE);
		assertThat(lines(audit.json().get("entries"))).containsExactly("front-office audit log viewed null");
		assertThat(audit.json().get("total").asLong()).isEqualTo(before + 1);
	}

	@Test
	void aTranscriptThatCannotBeRecordedIsNotShown() {
		ChatClient client = new ChatClient(port);
		String conversation = client.chat(null, "Do you treat scoliosis? My date of birth is 1961-04-02")
			.text("conversationId");
		jdbc.sql("alter table audit_event rename to audit_event_away").update();
		try {
			Response refused = client.call("GET", "/api/admin/conversations/" + conversation, AdminLogin.header());

			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).doesNotContain("scoliosis").doesNotContain("1961");
			assertThat(refused.json().get("requestId").asString()).isNotBlank();
		}
		finally {
			jdbc.sql("alter table audit_event_away rename to audit_event").update();
		}
		assertThat(client.call("GET", "/api/admin/conversations/" + conversation, AdminLogin.header()).body())
			.contains("scoliosis");
	}

	@Test
	void theFrontOfficeReadsAndAnswersButOnlyThePracticeAdminReadsTheAuditLogOrDeletes() {
		ChatClient client = new ChatClient(port);
		String reception = AdminLogin.basic("reception", AdminLogin.PASSWORD);
		String conversation = client.chat(null, "what conditions does it treat?").text("conversationId");

		assertThat(client.call("GET", "/api/admin/me", reception).json().get("role").asString()).isEqualTo("staff");
		assertThat(client.call("GET", "/api/admin/me", COLLEAGUE).json().get("role").asString()).isEqualTo("admin");
		assertThat(client.call("GET", "/api/admin/conversations/" + conversation, reception).status()).isEqualTo(200);
		assertThat(client.call("GET", "/api/admin/callbacks", reception).status()).isEqualTo(200);
		Response audit = client.call("GET", "/api/admin/audit", reception);
		Response delete = client.call("DELETE", "/api/admin/conversations/" + conversation, reception);
		Response reindex = client.call("POST", "/api/admin/knowledge/reindex", reception);

		assertThat(audit.status()).isEqualTo(403);
		assertThat(audit.contentType()).startsWith("application/problem+json");
		assertThat(delete.status()).isEqualTo(403);
		assertThat(reindex.status()).isEqualTo(403);
		assertThat(client.call("GET", "/api/admin/conversations/" + conversation, AdminLogin.header()).status())
			.as("nothing was deleted")
			.isEqualTo(200);
		assertThat(lines(client.call("GET", "/api/admin/audit?size=5", AdminLogin.header()).json().get("entries")))
			.contains("reception transcript opened " + conversation, "reception callback requests listed null");
	}

	@Test
	void aPageOutOfBoundsIsAProblem() {
		Response response = new ChatClient(port).call("GET", "/api/admin/audit?size=100000", AdminLogin.header());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private long entries() {
		return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
	}

	private static List<String> lines(JsonNode entries) {
		List<String> lines = new ArrayList<>();
		entries.forEach(entry -> lines.add(entry.get("actor").asString() + " " + entry.get("action").asString() + " "
				+ (entry.get("subject").isNull() ? "null" : entry.get("subject").asString())));
		return lines;
	}

}
