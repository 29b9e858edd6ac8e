package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The practice reads its conversations through the admin API: a filtered, paged list and whole transcripts. The
 * explicit time zone also gives the class an application context, and so a database, of its own: the list counts
 * every conversation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// Every endpoint is tried with a wrong password: here they are all answered 401, never throttled (sign-in
		// throttling has its own test, com.frontdesk.platform.AdminSignInTest).
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY, "frontdesk.practice.time-zone=UTC",
				"frontdesk.admin.sign-in.free-failures=1000", "frontdesk.admin.sign-in.lock-after=1001" })
@TestInstance(Lifecycle.PER_CLASS)
class AdminConversationsTest {

	static final String LONG_QUESTION = "I would like to know how much the whole treatment costs, including the hospital "
			+ "stay, the implants and the follow-up visits, and whether there is a payment plan for patients like me";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TurnPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	com.frontdesk.practice.Practices practices;

	Admin admin;

	String scarQuestions;

	String booking;

	String sms;

	String wantsAPerson;

	String costs;

	@BeforeAll
	void fiveConversations() {
		admin = new Admin(port);
		Patient first = new Patient(port);
		first.asks("What is lateral fusion?");
		first.asks("Will it leave a big scar?");
		scarQuestions = first.conversationId();
		Patient second = new Patient(port);
		second.asks("I'd like to book a consultation");
		booking = second.conversationId();
		sms = pipeline.handle(new com.frontdesk.conversation.TurnRequest(practices.defaultPractice(),
				com.frontdesk.conversation.Channel.SMS, null, "What are pedicle screws?")).conversationId();
		Patient fourth = new Patient(port);
		fourth.asks("can i talk to a real person");
		wantsAPerson = fourth.conversationId();
		jdbc.sql("update conversation set owner = 'waiting_for_staff', owner_changed_at = updated_at where id = ?")
			.param(wantsAPerson)
			.update();
		Patient fifth = new Patient(port);
		assertThat(fifth.asks(LONG_QUESTION)).isEqualTo("not_covered");
		costs = fifth.conversationId();
	}

	@Test
	void listsConversationsNewestFirst() {
		JsonNode page = list("");

		assertThat(page.get("total").longValue()).isEqualTo(5);
		assertThat(page.get("page").intValue()).isZero();
		assertThat(page.get("size").intValue()).isEqualTo(25);
		assertThat(ids(page)).containsExactly(costs, wantsAPerson, sms, booking, scarQuestions);
		JsonNode row = page.get("items").get(4);
		assertThat(row.get("channel").stringValue()).isEqualTo("web");
		assertThat(row.get("owner").stringValue()).isEqualTo("bot");
		assertThat(row.get("turns").intValue()).isEqualTo(2);
		assertThat(row.get("lastIntent").stringValue()).isEqualTo("answer");
		assertThat(row.get("firstQuestion").stringValue()).isEqualTo("What is lateral fusion?");
		assertThat(row.get("updatedAt").stringValue()).isGreaterThan(row.get("createdAt").stringValue());
		String preview = page.get("items").get(0).get("firstQuestion").stringValue();
		assertThat(preview).hasSize(ConversationBrowser.PREVIEW_LENGTH).endsWith("…");
		assertThat(LONG_QUESTION).startsWith(preview.substring(0, preview.length() - 1));
	}

	@Test
	void filtersByChannelIntentOwnerAndDay() {
		assertThat(ids(list("channel=sms"))).containsExactly(sms);
		assertThat(ids(list("intent=booking"))).containsExactly(booking);
		assertThat(ids(list("intent=answer"))).containsExactly(sms, scarQuestions);
		assertThat(ids(list("intent=answer&channel=web"))).containsExactly(scarQuestions);
		assertThat(ids(list("owner=waiting_for_staff"))).containsExactly(wantsAPerson);
		assertThat(ids(list("owner=bot&intent=not_covered"))).containsExactly(costs);
		assertThat(ids(list("channel=whatsapp"))).isEmpty();
		String today = list("").get("items").get(0).get("createdAt").stringValue().substring(0, 10);
		assertThat(list("from=" + today + "&to=" + today).get("total").longValue()).isEqualTo(5);
		assertThat(list("to=2020-12-31").get("total").longValue()).isZero();
	}

	@Test
	void pagesThroughTheList() {
		JsonNode second = list("size=2&page=1");
		JsonNode third = list("size=2&page=2");

		assertThat(ids(second)).containsExactly(sms, booking);
		assertThat(second.get("total").longValue()).isEqualTo(5);
		assertThat(ids(third)).containsExactly(scarQuestions);
		assertThat(ids(list("size=2&page=3"))).isEmpty();
	}

	@Test
	void showsAWholeTranscriptWithConfidenceAndFeedback() {
		JsonNode transcript = transcript(scarQuestions);

		assertThat(transcript.get("id").stringValue()).isEqualTo(scarQuestions);
		assertThat(transcript.get("channel").stringValue()).isEqualTo("web");
		assertThat(transcript.get("owner").stringValue()).isEqualTo("bot");
		JsonNode turns = transcript.get("turns");
		assertThat(turns).hasSize(2);
		JsonNode scar = turns.get(1);
		assertThat(scar.get("replyId").stringValue()).matches("\\d+");
		assertThat(scar.get("question").stringValue()).isEqualTo("Will it leave a big scar?");
		assertThat(scar.get("reply").stringValue()).contains("one small scar on your side");
		assertThat(scar.get("intent").stringValue()).isEqualTo("answer");
		assertThat(scar.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
		assertThat(scar.get("actions").isArray()).isTrue();
		assertThat(scar.get("confidence").doubleValue()).as("a plain answer").isBetween(0.91, 1.0);
		assertThat(scar.get("time").stringValue()).isNotBlank();
		assertThat(scar.get("feedback").isNull()).isTrue();
		JsonNode booked = transcript(booking).get("turns").get(0);
		assertThat(booked.get("intent").stringValue()).isEqualTo("booking");
		assertThat(booked.get("confidence").isNull()).as("a booking reply is not drawn from the knowledge").isTrue();
		assertThat(booked.get("actions")).extracting(a -> a.get("type").stringValue()).contains("book");
		assertThat(transcript(costs).get("turns").get(0).get("confidence").doubleValue()).isLessThan(0.5);
		assertThat(transcript(wantsAPerson).get("owner").stringValue()).isEqualTo("waiting_for_staff");
		assertThat(transcript(wantsAPerson).get("ownerChangedAt").isNull()).isFalse();
	}

	@Test
	void anUnknownConversationIsNotFound() {
		for (String id : List.of("4d1f0c1e-0000-4000-8000-000000000000", "x".repeat(200), "%20")) {
			Response response = admin.get("/api/admin/conversations/" + id);
			assertThat(response.status()).as(id).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void refusesFiltersItDoesNotKnow() {
		for (String query : List.of("intent=joy", "owner=robot", "channel=WEB!", "from=tomorrow",
				"from=2026-02-02&to=2026-02-01", "size=0", "size=101", "page=-1", "page=two")) {
			Response response = admin.get("/api/admin/conversations?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).as(query).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception");
		}
	}

	@Test
	void everyAdminEndpointRefusesCallersWithoutValidCredentials() {
		List<String[]> calls = List.of(new String[] { "GET", "/api/admin/conversations" },
				new String[] { "GET", "/api/admin/conversations/" + scarQuestions },
				new String[] { "DELETE", "/api/admin/conversations/" + scarQuestions },
				new String[] { "GET", "/api/admin/reports/content-gaps" },
				new String[] { "GET", "/api/admin/reports/dashboard?days=30" });
		for (String[] call : calls) {
			for (String authorization : new String[] { null, AdminLogin.basic(AdminLogin.USERNAME, "wrong"),
					"Bearer " + AdminLogin.PASSWORD }) {
				Response response = admin.send(call[0], call[1], authorization);
				assertThat(response.status()).as(call[0] + " " + call[1] + " with " + authorization).isEqualTo(401);
				assertThat(response.body()).doesNotContain("lateral fusion");
			}
		}
		assertThat(transcript(scarQuestions).get("turns")).as("nothing was deleted").hasSize(2);
	}

	@Test
	void theAdminPageAsksToSignInAndHoldsNoDataOfItsOwn() {
		for (String path : new String[] { "/admin/", "/admin/index.html", "/admin/admin.js" }) {
			Response page = admin.send("GET", path, null);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain("lateral fusion").doesNotContain(scarQuestions);
		}
		assertThat(admin.send("GET", "/admin/", null).body()).contains("id=\"sign-in-form\"");
	}

	@Test
	void theAdminPageIsServedWithAStrictContentSecurityPolicy() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/"))
			.header("Authorization", AdminLogin.header())
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin"))
			.header("Authorization", AdminLogin.header())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(AdminPage.POLICY);
		assertThat(page.body()).contains("<script src=\"admin.js\"").doesNotContain("<style").doesNotContain(" style=")
			.doesNotContain("onclick");
		assertThat(bare.statusCode()).isEqualTo(302);
		assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/"));
	}

	private JsonNode list(String query) {
		Response response = admin.get("/api/admin/conversations" + (query.isEmpty() ? "" : "?" + query));
		assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode transcript(String id) {
		Response response = admin.get("/api/admin/conversations/" + id);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map(row -> row.get("id").stringValue()).toList();
	}

}
