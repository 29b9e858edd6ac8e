package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two practices on one instance, side by side: the default one (the sample practice) and Northside, each with its own
 * profile, widget, conversations, callbacks, handoffs, reports and staff. Nothing one practice's patients or staff do
 * shows in the other's replies or admin views, by any API, also when the other's ids are known or guessed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.admin.accounts[0].username=north-admin",
		"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
		"frontdesk.admin.accounts[0].practice=northside",
		"frontdesk.admin.accounts[1].username=north-desk",
		"frontdesk.admin.accounts[1].password-hash=" + AdminLogin.PASSWORD_HASH,
		"frontdesk.admin.accounts[1].practice=northside", "frontdesk.admin.accounts[1].role=staff" })
@TestInstance(Lifecycle.PER_CLASS)
class TwoPracticesOnOneInstanceTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String NORTH_ADMIN = AdminLogin.basic("north-admin", AdminLogin.PASSWORD);

	static final String NORTH_DESK = AdminLogin.basic("north-desk", AdminLogin.PASSWORD);

	/** The main admin account: the default practice's admin and the deployment's operator. */
	static final String OPERATOR = AdminLogin.header();

	@LocalServerPort
	int port;

	ChatClient client;

	/** A conversation of each practice, with a handoff requested in each. */
	String sampleConversation;

	String northConversation;

	/** Northside, in settings as a host writes them (a list is set in one place: its folder is made here). */
	@DynamicPropertySource
	static void northside(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].profile.phone", () -> "+1-555-0199");
		settings.add("frontdesk.practices[0].profile.booking-url", () -> "https://northside.example/book");
		settings.add("frontdesk.practices[0].profile.website", () -> "https://northside.example");
		settings.add("frontdesk.practices[0].profile.address", () -> "9 North Road, Northville");
		settings.add("frontdesk.practices[0].profile.emergency-number", () -> "999");
		settings.add("frontdesk.practices[0].allowed-origins", () -> "https://northside.example");
		settings.add("frontdesk.practices[0].knowledge-dir", () -> NORTHSIDE_FOLDER.toString());
	}

	/** Northside's knowledge folder: one page, about parking in its garage. */
	static final Path NORTHSIDE_FOLDER = Path.of(KnowledgeFolders.northside());

	@BeforeAll
	void eachPracticeHasAPatientWhoAskedForAPerson() {
		client = new ChatClient(port);
		sampleConversation = chat(null, null, "I want to talk to a real person please").text("conversationId");
		northConversation = chat("northside", null, "I want to talk to a real person please").text("conversationId");
	}

	@Test
	void eachPracticesPatientsGetThatPracticesNumbersAndName() {
		JsonNode north = chat("northside", null, "What number can I call?").json();
		JsonNode sample = chat(null, null, "What number can I call?").json();

		assertThat(north.get("reply").stringValue()).contains("+1-555-0199").doesNotContain("+1-555-0100");
		assertThat(sample.get("reply").stringValue()).contains("+1-555-0100").doesNotContain("+1-555-0199");
		assertThat(actionValue(north, "call")).isEqualTo("tel:+15550199");
		assertThat(actionValue(north, "book")).isEqualTo("https://northside.example/book");
	}

	@Test
	void aNorthsidePatientWithARedFlagIsSentToNorthsidesEmergencyNumber() {
		JsonNode reply = chat("northside", null, "I can't feel my legs and I wet myself since this morning").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(reply.get("reply").stringValue()).contains("999").doesNotContain("911");
		assertThat(actionValue(reply, "emergency")).isEqualTo("tel:999");
	}

	@Test
	void theWidgetShowsItsOwnPracticeByNameOrByThePageItIsOn() {
		assertThat(client.get("/api/widget/config?practice=northside").text("practiceName"))
			.isEqualTo("Northside Spine Center");
		assertThat(client.get("/api/widget/config").text("practiceName")).isEqualTo("Sample Spine Practice");

		Response fromNorthsidesPage = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/widget/config"))
			.header("Origin", "https://northside.example")
			.GET()
			.build());
		assertThat(fromNorthsidesPage.text("practiceName")).isEqualTo("Northside Spine Center");
	}

	@Test
	void aConversationCannotBeContinuedOrReadThroughTheOtherPractice() {
		assertThat(chat("northside", sampleConversation, "What are pedicle screws?").status()).isEqualTo(404);
		assertThat(chat(null, northConversation, "What are pedicle screws?").status()).isEqualTo(404);
		assertThat(client.get("/api/conversations/" + northConversation).status()).isEqualTo(404);
		assertThat(client.get("/api/conversations/" + sampleConversation + "?practice=northside").status())
			.isEqualTo(404);
		assertThat(client.get("/api/conversations/" + northConversation + "?practice=northside").status())
			.isEqualTo(200);
	}

	@Test
	void anUnknownOrMalformedPracticeIsAProblemNotAnotherPractice() {
		Response unknown = chat("southside", null, "What is lateral fusion?");
		Response malformed = chat("../default", null, "What is lateral fusion?");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(client.get("/api/widget/config?practice=southside").status()).isEqualTo(404);
	}

	@Test
	void aCallbackRequestIsThePracticesOwnAndCannotClaimTheOthersConversation() {
		String consent = client.get("/api/callbacks/form?practice=northside").text("consentVersion");
		assertThat(client.get("/api/callbacks/form?practice=northside").text("consentText")).contains("Northside");

		Response claimed = callback("northside", sampleConversation, consent, "Ada North");
		Response own = callback("northside", northConversation, consent, "Ada North");

		assertThat(claimed.status()).isEqualTo(400);
		assertThat(own.status()).isEqualTo(201);
		String id = own.text("id");
		assertThat(names(admin(NORTH_DESK, "GET", "/api/admin/callbacks"))).contains("Ada North");
		assertThat(names(admin(OPERATOR, "GET", "/api/admin/callbacks"))).doesNotContain("Ada North");
		assertThat(admin(OPERATOR, "POST", "/api/admin/callbacks/" + id + "/done").status()).isEqualTo(404);
		assertThat(admin(NORTH_DESK, "POST", "/api/admin/callbacks/" + id + "/done").status()).isEqualTo(200);
	}

	@Test
	void staffSeeTheirPracticesConversationsAndHandoffsOnly() {
		assertThat(ids(admin(NORTH_DESK, "GET", "/api/admin/conversations").json().get("items")))
			.contains(northConversation)
			.doesNotContain(sampleConversation);
		assertThat(ids(admin(OPERATOR, "GET", "/api/admin/conversations").json().get("items")))
			.contains(sampleConversation)
			.doesNotContain(northConversation);
		assertThat(conversationIds(admin(NORTH_DESK, "GET", "/api/admin/handoffs"))).containsExactly(northConversation);
		assertThat(conversationIds(admin(OPERATOR, "GET", "/api/admin/handoffs"))).containsExactly(sampleConversation);

		assertThat(admin(NORTH_DESK, "GET", "/api/admin/conversations/" + sampleConversation).status()).isEqualTo(404);
		assertThat(admin(NORTH_DESK, "POST", "/api/admin/conversations/" + sampleConversation + "/release").status())
			.isEqualTo(404);
		assertThat(admin(NORTH_ADMIN, "DELETE", "/api/admin/conversations/" + sampleConversation).status())
			.isEqualTo(404);
		assertThat(admin(OPERATOR, "GET", "/api/admin/conversations/" + sampleConversation).status()).isEqualTo(200);
	}

	@Test
	void staffCannotAskForTheOtherPracticeButTheOperatorCan() {
		assertThat(admin(NORTH_ADMIN, "GET", "/api/admin/conversations?practice=default").status()).isEqualTo(404);
		assertThat(ids(admin(OPERATOR, "GET", "/api/admin/conversations?practice=northside").json().get("items")))
			.contains(northConversation)
			.doesNotContain(sampleConversation);
		JsonNode me = admin(NORTH_DESK, "GET", "/api/admin/me").json();
		assertThat(me.get("practice").stringValue()).isEqualTo("northside");
		assertThat(me.get("operator").booleanValue()).isFalse();
		assertThat(admin(OPERATOR, "GET", "/api/admin/me").json().get("operator").booleanValue()).isTrue();
	}

	@Test
	void eachPracticesReportsCountItsOwnConversations() {
		long north = admin(NORTH_ADMIN, "GET", "/api/admin/reports/dashboard").json().get("funnel")
			.get("conversations").longValue();
		long both = north + admin(OPERATOR, "GET", "/api/admin/reports/dashboard").json().get("funnel")
			.get("conversations").longValue();
		String another = chat("northside", null, "hello").text("conversationId");

		assertThat(another).isNotBlank();
		assertThat(admin(NORTH_ADMIN, "GET", "/api/admin/reports/dashboard").json().get("funnel")
			.get("conversations").longValue()).isEqualTo(north + 1);
		assertThat(admin(OPERATOR, "GET", "/api/admin/reports/dashboard").json().get("funnel")
			.get("conversations").longValue()).isEqualTo(both - north);
	}

	/** The operator's look at Northside's conversations is in Northside's log: its admin sees who read what. */
	@Test
	void aPracticesAuditLogShowsTheAccessToItsOwnDataOnly() {
		admin(NORTH_ADMIN, "GET", "/api/admin/conversations/" + northConversation);
		admin(OPERATOR, "GET", "/api/admin/conversations/" + sampleConversation);

		JsonNode north = admin(NORTH_ADMIN, "GET", "/api/admin/audit").json().get("entries");
		JsonNode sample = admin(OPERATOR, "GET", "/api/admin/audit").json().get("entries");

		assertThat(values(north, "subject")).contains(northConversation).doesNotContain(sampleConversation);
		assertThat(values(north, "actor")).contains("north-admin");
		assertThat(values(sample, "subject")).contains(sampleConversation).doesNotContain(northConversation);
		assertThat(values(sample, "actor")).doesNotContain("north-admin", "north-desk");
	}

	@Test
	void aReplyCannotBeRatedThroughTheOtherPractice() {
		JsonNode sample = chat(null, null, "What are pedicle screws?").json();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", sample.get("conversationId").stringValue());
		body.put("replyId", sample.get("replyId").stringValue());
		body.put("rating", "down");
		body.put("practice", "northside");

		assertThat(client.post("/api/feedback", JSON.writeValueAsString(body), "application/json").status())
			.isEqualTo(404);
		body.put("practice", null);
		assertThat(client.post("/api/feedback", JSON.writeValueAsString(body), "application/json").status())
			.isEqualTo(200);
	}

	@Test
	void aNorthsidePatientAskingAboutParkingIsAnsweredFromNorthsidesPage() {
		JsonNode reply = chat("northside", null, "Where can I park?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("garage behind the clinic on North Road");
		assertThat(values(reply.get("citations"), "title")).containsOnly("Visiting Northside Spine Center");
	}

	/** The default practice's page says nothing about parking: its patient is never given Northside's garage. */
	@Test
	void theDefaultPracticesPatientNeverGetsNorthsidesContent() {
		JsonNode reply = chat(null, null, "Where can I park?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("reply").stringValue()).doesNotContain("North Road", "garage");
		assertThat(values(reply.get("citations"), "title")).doesNotContain("Visiting Northside Spine Center");
	}

	/** Lateral fusion is the default practice's page; Northside's patient is not answered from it. */
	@Test
	void aNorthsidePatientAskingWhatOnlyTheDefaultPracticeCoversIsNotCovered() {
		JsonNode north = chat("northside", null, "What is lateral fusion?").json();
		JsonNode sample = chat(null, null, "What is lateral fusion?").json();

		assertThat(north.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(north.get("citations")).isEmpty();
		assertThat(north.get("reply").stringValue()).doesNotContainIgnoringCase("incision");
		assertThat(sample.get("intent").stringValue()).isEqualTo("answer");
		assertThat(values(sample.get("citations"), "title")).isNotEmpty()
			.doesNotContain("Visiting Northside Spine Center");
	}

	@Test
	void eachPracticesAdminSeesAndReindexesItsOwnKnowledge() {
		JsonNode sampleBefore = admin(OPERATOR, "GET", "/api/admin/knowledge").json();
		JsonNode northBefore = admin(NORTH_ADMIN, "GET", "/api/admin/knowledge").json();
		JsonNode sampleAnswer = chat(null, null, "Will it leave a big scar?").json();

		Response reindexed = admin(NORTH_ADMIN, "POST", "/api/admin/knowledge/reindex");

		assertThat(reindexed.status()).isEqualTo(200);
		assertThat(reindexed.json().get("passages").intValue()).isEqualTo(northBefore.get("passages").intValue())
			.isEqualTo(1);
		assertThat(sampleBefore.get("passages").intValue()).isGreaterThan(5);
		assertThat(admin(OPERATOR, "GET", "/api/admin/knowledge").json().get("indexedAt"))
			.isEqualTo(sampleBefore.get("indexedAt"));
		assertThat(admin(OPERATOR, "GET", "/api/admin/knowledge?practice=northside").json().get("indexedAt"))
			.isEqualTo(reindexed.json().get("indexedAt"));
		JsonNode sampleAfter = chat(null, null, "Will it leave a big scar?").json();
		assertThat(sampleAfter.get("reply")).isEqualTo(sampleAnswer.get("reply"));
		assertThat(sampleAfter.get("citations")).isEqualTo(sampleAnswer.get("citations"));
		assertThat(chat("northside", null, "Where can I park?").json().get("intent").stringValue()).isEqualTo("answer");
		JsonNode audit = admin(NORTH_ADMIN, "GET", "/api/admin/audit").json().get("entries");
		assertThat(StreamSupport.stream(audit.spliterator(), false)
			.filter(entry -> entry.get("action").stringValue().equals("knowledge re-indexed"))
			.map(entry -> entry.get("subject").stringValue())).contains("northside");
		assertThat(admin(NORTH_ADMIN, "POST", "/api/admin/knowledge/reindex?practice=default").status())
			.isEqualTo(404);
	}

	/** A practice whose folder went missing: a problem for its admin, and its patients keep the index it had. */
	@Test
	void reindexingAPracticeWhoseFolderIsMissingIsAProblemAndKeepsItsIndex() throws IOException {
		Path moved = NORTHSIDE_FOLDER.resolveSibling(NORTHSIDE_FOLDER.getFileName() + "-moved");
		Files.move(NORTHSIDE_FOLDER, moved);
		Response missing;
		try {
			missing = admin(NORTH_ADMIN, "POST", "/api/admin/knowledge/reindex");
		}
		finally {
			Files.move(moved, NORTHSIDE_FOLDER);
		}

		assertThat(missing.status()).isEqualTo(409);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.text("title")).isEqualTo("Knowledge folder missing");
		assertThat(missing.body()).doesNotContain(NORTHSIDE_FOLDER.toString());
		assertThat(chat("northside", null, "Where can I park?").json().get("intent").stringValue()).isEqualTo("answer");
	}

	private Response chat(String practice, String conversationId, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("conversationId", conversationId);
		body.put("message", message);
		if (practice != null) {
			body.put("practice", practice);
		}
		return client.post("/api/chat", JSON.writeValueAsString(body), "application/json");
	}

	private Response callback(String practice, String conversationId, String consentVersion, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("practice", practice);
		body.put("conversationId", conversationId);
		body.put("name", name);
		body.put("phone", "617 555 0142");
		body.put("preferredTime", "morning");
		body.put("consent", true);
		body.put("consentVersion", consentVersion);
		return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	private Response admin(String authorization, String method, String path) {
		return client.call(method, path, authorization);
	}

	private static String actionValue(JsonNode reply, String type) {
		return StreamSupport.stream(reply.get("actions").spliterator(), false)
			.filter(action -> action.get("type").stringValue().equals(type))
			.map(action -> action.get("url").stringValue())
			.findFirst()
			.orElseThrow();
	}

	private static List<String> names(Response callbacks) {
		assertThat(callbacks.status()).isEqualTo(200);
		return values(callbacks.json(), "name");
	}

	private static List<String> ids(JsonNode items) {
		return values(items, "id");
	}

	private static List<String> conversationIds(Response handoffs) {
		assertThat(handoffs.status()).isEqualTo(200);
		return values(handoffs.json(), "conversationId");
	}

	private static List<String> values(JsonNode array, String field) {
		return ChatClient.values(array, field);
	}

}
