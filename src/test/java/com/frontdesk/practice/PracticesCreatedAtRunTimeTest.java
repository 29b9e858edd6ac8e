package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment's operator creates a practice while the deployment runs, without a restart: from the moment the
 * request is answered its widget answers from its own folder, with its own name, numbers, origins, callbacks and audit
 * log, and the other practices never show its content (nor it theirs). Only the operator may create one, and input
 * that cannot be a practice is a problem naming the field, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.admin.accounts[0].username=default-admin",
		"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH })
@TestInstance(Lifecycle.PER_CLASS)
class PracticesCreatedAtRunTimeTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The main admin account: the deployment's operator. */
	static final String OPERATOR = AdminLogin.header();

	/** The default practice's other admin: not the operator. */
	static final String DEFAULT_ADMIN = AdminLogin.basic("default-admin", AdminLogin.PASSWORD);

	static final String EASTSIDE_PAGE = """
			# Visiting Eastside Spine Clinic

			## Parking
			Patients park free of charge in the blue car park opposite the clinic on East Street.
			""";

	/** The password of each created practice's first admin. */
	static final String ADMIN_PASSWORD = "a long eastside admin password";

	@LocalServerPort
	int port;

	ChatClient client;

	String eastsideFolder;

	Response created;

	@BeforeAll
	void theOperatorCreatesEastside() {
		client = new ChatClient(port);
		eastsideFolder = KnowledgeFolders.withPage(EASTSIDE_PAGE);
		created = admin(OPERATOR, "POST", "/api/admin/practices", eastside("eastside", eastsideFolder));
	}

	@Test
	void aCreatedPracticeIsServedAtOnceAndListed() {
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("id")).isEqualTo("eastside");
		JsonNode listed = admin(OPERATOR, "GET", "/api/admin/practices", null).json();
		assertThat(ChatClient.values(listed, "id")).startsWith("default", "eastside");
		assertThat(ChatClient.values(listed, "source")).startsWith("settings", "created");
		assertThat(client.get("/api/widget/config?practice=eastside").text("practiceName"))
			.isEqualTo("Eastside Spine Clinic");
	}

	@Test
	void itsPatientsAreAnsweredFromItsOwnFolderWithItsCitations() {
		JsonNode reply = chat("eastside", "Where can I park?").json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("blue car park");
		assertThat(ChatClient.values(reply.get("citations"), "title")).containsOnly("Visiting Eastside Spine Clinic");
	}

	@Test
	void itsPatientsGetItsNumbersAndTheOtherPracticesNeverItsContent() {
		JsonNode east = chat("eastside", "What number can I call?").json();
		JsonNode sample = chat(null, "Where can I park?").json();
		JsonNode eastOnFusion = chat("eastside", "What is lateral fusion?").json();

		assertThat(east.get("reply").stringValue()).contains("+1-555-0177").doesNotContain("+1-555-0100");
		assertThat(sample.get("reply").stringValue()).doesNotContain("blue car park", "East Street");
		assertThat(ChatClient.values(sample.get("citations"), "title")).doesNotContain("Visiting Eastside Spine Clinic");
		assertThat(eastOnFusion.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(eastOnFusion.get("citations")).isEmpty();
	}

	@Test
	void itsOwnWebsiteMayCallTheApi() {
		int preflight = preflight("https://www.eastside.example");
		Response fromItsPage = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/widget/config"))
			.header("Origin", "https://www.eastside.example")
			.GET()
			.build());

		assertThat(preflight).isEqualTo(200);
		assertThat(fromItsPage.text("practiceName")).isEqualTo("Eastside Spine Clinic");
	}

	@Test
	void itsPatientsAskForACallbackThatOnlyItsStaffSee() {
		Response form = client.get("/api/callbacks/form?practice=eastside");
		String conversation = chat("eastside", "hello").text("conversationId");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("practice", "eastside");
		body.put("conversationId", conversation);
		body.put("name", "Eve East");
		body.put("phone", "617 555 0142");
		body.put("consent", true);
		body.put("consentVersion", form.text("consentVersion"));
		Response callback = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/callbacks"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());

		assertThat(form.text("consentText")).contains("Eastside Spine Clinic");
		assertThat(callback.status()).isEqualTo(201);
		assertThat(ChatClient.values(admin(OPERATOR, "GET", "/api/admin/callbacks?practice=eastside", null).json(),
				"name")).contains("Eve East");
		assertThat(ChatClient.values(admin(OPERATOR, "GET", "/api/admin/callbacks", null).json(), "name"))
			.doesNotContain("Eve East");
	}

	@Test
	void theCreationIsInTheAuditLogOfTheOperatorAndOfTheNewPractice() {
		JsonNode operators = admin(OPERATOR, "GET", "/api/admin/audit", null).json().get("entries");
		JsonNode eastsides = admin(OPERATOR, "GET", "/api/admin/audit?practice=eastside", null).json().get("entries");

		for (JsonNode entries : List.of(operators, eastsides)) {
			assertThat(ChatClient.values(entries, "action")).contains("practice created");
			assertThat(ChatClient.values(entries, "subject")).contains("eastside");
		}
	}

	@Test
	void onlyTheOperatorMayCreateAPractice() throws IOException {
		Response refused = admin(DEFAULT_ADMIN, "POST", "/api/admin/practices",
				eastside("westside", Files.createTempDirectory("westside").toString()));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(client.get("/api/widget/config?practice=westside").status()).isEqualTo(404);
	}

	@Test
	void fieldsThatCannotBeAPracticeAreAProblemNamingEachField() {
		Map<String, Object> bad = eastside("West Side!", "relative/folder");
		@SuppressWarnings("unchecked")
		Map<String, Object> profile = (Map<String, Object>) bad.get("profile");
		profile.put("timeZone", "Mars/Olympus");
		profile.put("hours", Map.of("monday", "9 to 5"));
		profile.remove("phone");
		profile.put("emergencyNumber", "call someone");
		bad.put("allowedOrigins", List.of("https://ok.example", "*"));
		bad.put("admin", Map.of("username", "west-admin", "password", "too short"));

		Response invalid = admin(OPERATOR, "POST", "/api/admin/practices", bad);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(ChatClient.values(invalid.json().get("errors"), "field")).containsExactlyInAnyOrder("id",
				"profile.phone", "profile.emergencyNumber", "profile.hours", "profile.timeZone", "knowledgeDir",
				"allowedOrigins[1]", "admin.password");
		assertThat(invalid.body()).doesNotContain("too short", "relative/folder");
	}

	@Test
	void aFolderThatIsNotThereOrIsAFileIsAProblem() throws IOException {
		Path file = Files.createTempFile("not-a-folder", ".md");
		Response missing = admin(OPERATOR, "POST", "/api/admin/practices",
				eastside("southside", file.resolveSibling("no-such-folder-" + UUID.randomUUID()).toString()));
		Response aFile = admin(OPERATOR, "POST", "/api/admin/practices", eastside("southside", file.toString()));

		for (Response response : List.of(missing, aFile)) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(ChatClient.values(response.json().get("errors"), "field")).containsExactly("knowledgeDir");
		}
	}

	@Test
	void anIdOrFolderThatIsAnotherPracticesIsAConflict() throws IOException {
		Response sameId = admin(OPERATOR, "POST", "/api/admin/practices",
				eastside("eastside", Files.createTempDirectory("other").toString()));
		Response defaultId = admin(OPERATOR, "POST", "/api/admin/practices",
				eastside("default", Files.createTempDirectory("other").toString()));
		Response sameFolder = admin(OPERATOR, "POST", "/api/admin/practices", eastside("eastside-two", eastsideFolder));
		Response sameOrigin = admin(OPERATOR, "POST", "/api/admin/practices",
				eastside("eastside-four", Files.createTempDirectory("other").toString()));
		Path inside = Files.createDirectories(Path.of(eastsideFolder, "more"));
		Response insideItsFolder = admin(OPERATOR, "POST", "/api/admin/practices",
				eastside("eastside-three", inside.toString()));

		assertThat(List.of(sameId, defaultId, sameFolder, insideItsFolder, sameOrigin)).extracting(Response::status)
			.containsOnly(409);
		assertThat(ChatClient.values(sameOrigin.json().get("errors"), "field")).containsExactly("allowedOrigins[0]");
		assertThat(ChatClient.values(sameId.json().get("errors"), "field")).containsExactly("id");
		assertThat(ChatClient.values(defaultId.json().get("errors"), "field")).containsExactly("id");
		assertThat(ChatClient.values(sameFolder.json().get("errors"), "field")).containsExactly("knowledgeDir");
		assertThat(ChatClient.values(insideItsFolder.json().get("errors"), "field")).containsExactly("knowledgeDir");
	}

	@Test
	void anAdminUsernameThatIsAnotherAccountsIsAConflictAndNothingIsCreated() throws IOException {
		Map<String, Object> taken = eastside("northeast", Files.createTempDirectory("northeast").toString());
		taken.put("admin", Map.of("username", "Default-Admin", "password", ADMIN_PASSWORD));
		taken.put("allowedOrigins", List.of());
		Map<String, Object> takenHere = eastside("northeast", Files.createTempDirectory("northeast").toString());
		takenHere.put("admin", Map.of("username", "eastside-admin", "password", ADMIN_PASSWORD));
		takenHere.put("allowedOrigins", List.of());

		for (Map<String, Object> practice : List.of(taken, takenHere)) {
			Response conflict = admin(OPERATOR, "POST", "/api/admin/practices", practice);
			assertThat(conflict.status()).isEqualTo(409);
			assertThat(ChatClient.values(conflict.json().get("errors"), "field")).containsExactly("admin.username");
		}
		assertThat(client.get("/api/widget/config?practice=northeast").status()).isEqualTo(404);
		assertThat(ChatClient.values(admin(OPERATOR, "GET", "/api/admin/practices", null).json(), "id"))
			.doesNotContain("northeast");
	}

	@Test
	void theOperatorChangesACreatedPracticesProfileAndOriginsAndItsPatientsSeeItAtOnce() {
		Map<String, Object> midtown = eastside("midtown", KnowledgeFolders.withPage(EASTSIDE_PAGE));
		midtown.put("allowedOrigins", List.of("https://old.midtown.example"));
		assertThat(admin(OPERATOR, "POST", "/api/admin/practices", midtown).status()).isEqualTo(201);

		Response changed = admin(OPERATOR, "PATCH", "/api/admin/practices/midtown",
				Map.of("profile", Map.of("name", "Midtown Spine", "phone", "+1-555-0166"), "allowedOrigins",
						List.of("https://www.midtown.example")));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(client.get("/api/widget/config?practice=midtown").text("practiceName")).isEqualTo("Midtown Spine");
		assertThat(chat("midtown", "What number can I call?").text("reply")).contains("+1-555-0166")
			.doesNotContain("+1-555-0177");
		assertThat(chat("midtown", "Where can I park?").text("reply")).as("its folder stays").contains("blue car park");
		assertThat(preflight("https://www.midtown.example")).isEqualTo(200);
		assertThat(preflight("https://old.midtown.example")).isEqualTo(403);
		assertThat(admin(OPERATOR, "PATCH", "/api/admin/practices/midtown",
				Map.of("allowedOrigins", List.of("https://www.eastside.example"))).status())
			.as("another practice's origin").isEqualTo(409);
		assertThat(ChatClient.values(admin(OPERATOR, "GET", "/api/admin/audit?practice=midtown", null).json()
			.get("entries"), "action")).contains("practice changed");
	}

	@Test
	void theOperatorReadsAPracticeInTheFieldsThatChangeIt() {
		Response eastside = admin(OPERATOR, "GET", "/api/admin/practices/eastside", null);
		Response settings = admin(OPERATOR, "GET", "/api/admin/practices/default", null);

		assertThat(eastside.status()).isEqualTo(200);
		JsonNode profile = eastside.json().get("profile");
		assertThat(eastside.text("source")).isEqualTo("created");
		assertThat(profile.get("name").asString()).isEqualTo("Eastside Spine Clinic");
		assertThat(profile.get("hours").get("monday").asString()).isEqualTo("08:00-16:00");
		assertThat(profile.get("callbackWithin").asString()).as("as staff write it").isEqualTo("2h");
		assertThat(profile.get("emergencyNumber").asString()).isEqualTo("911");
		assertThat(eastside.json().get("allowedOrigins").get(0).asString()).isEqualTo("https://www.eastside.example");
		assertThat(eastside.text("knowledgeDir")).isEqualTo(eastsideFolder);
		assertThat(settings.text("source")).isEqualTo("settings");
		assertThat(admin(DEFAULT_ADMIN, "GET", "/api/admin/practices/eastside", null).status())
			.as("not the operator").isEqualTo(403);
		assertThat(admin(OPERATOR, "GET", "/api/admin/practices/nowhere", null).status()).isEqualTo(404);
	}

	@Test
	void aChangeThatCannotBeMadeIsAProblem() {
		Response settings = admin(OPERATOR, "PATCH", "/api/admin/practices/default",
				Map.of("profile", Map.of("phone", "+1-555-0111")));
		Response unknown = admin(OPERATOR, "PATCH", "/api/admin/practices/nowhere",
				Map.of("profile", Map.of("phone", "+1-555-0111")));
		Response badZone = admin(OPERATOR, "PATCH", "/api/admin/practices/eastside",
				Map.of("profile", Map.of("timeZone", "Mars/Olympus")));
		Response notTheOperator = admin(DEFAULT_ADMIN, "PATCH", "/api/admin/practices/eastside",
				Map.of("profile", Map.of("phone", "+1-555-0111")));

		assertThat(settings.status()).isEqualTo(409);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(badZone.status()).isEqualTo(400);
		assertThat(ChatClient.values(badZone.json().get("errors"), "field")).containsExactly("profile.timeZone");
		assertThat(notTheOperator.status()).isEqualTo(403);
		assertThat(List.of(settings, unknown, badZone, notTheOperator)).extracting(Response::contentType)
			.allMatch(type -> type.startsWith("application/problem+json"));
		assertThat(client.get("/api/widget/config?practice=eastside").status()).isEqualTo(200);
		assertThat(chat("eastside", "What number can I call?").text("reply")).contains("+1-555-0177");
	}

	private int preflight(String origin) {
		return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/chat"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "Content-Type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build()).status();
	}

	@Test
	void aBodyThatIsNotJsonIsAProblem() {
		Response unreadable = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/practices"))
			.header("Authorization", OPERATOR)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"x\", \"profile\": [1, 2"))
			.build());

		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.contentType()).startsWith("application/problem+json");
	}

	/** Eastside as the operator sends it. */
	static Map<String, Object> eastside(String id, String folder) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("name", "Eastside Spine Clinic");
		profile.put("phone", "+1-555-0177");
		profile.put("bookingUrl", "https://www.eastside.example/book");
		profile.put("website", "https://www.eastside.example");
		profile.put("address", "7 East Street, Eastville");
		profile.put("timeZone", "America/Chicago");
		profile.put("hours", Map.of("monday", "08:00-16:00", "tuesday", "08:00-16:00"));
		Map<String, Object> practice = new LinkedHashMap<>();
		practice.put("id", id);
		practice.put("profile", profile);
		practice.put("knowledgeDir", folder);
		practice.put("allowedOrigins", List.of("https://www.eastside.example"));
		practice.put("admin", Map.of("username", id + "-admin", "password", ADMIN_PASSWORD));
		return practice;
	}

	private Response chat(String practice, String message) {
		return chat(client, practice, message);
	}

	private Response admin(String authorization, String method, String path, Object body) {
		return call(client, authorization, method, path, body);
	}

	/** A patient's first message to a practice (null: the default one). */
	static Response chat(ChatClient client, String practice, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("practice", practice);
		return client.post("/api/chat", JSON.writeValueAsString(body), "application/json");
	}

	/** An admin request with Basic credentials, and a JSON body when one is given. */
	static Response call(ChatClient client, String authorization, String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
			.header("Authorization", authorization);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return client.send(request.build());
	}

}
