package com.frontdesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/** The {@code POST /api/chat} contract over real HTTP, including every way a request can be wrong. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatApiTest {

	@LocalServerPort
	int port;

	ChatClient client() {
		return new ChatClient(port);
	}

	@Test
	void answersWithTheContractFields() {
		Response response = client().chat(null, "What is minimally invasive lateral fusion?");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("conversationId").stringValue()).isNotBlank();
		assertThat(body.get("intent").stringValue()).isEqualTo("answer");
		assertThat(body.get("reply").stringValue()).contains("small incision in your side");
		JsonNode citation = body.get("citations").get(0);
		assertThat(citation.get("title").stringValue()).isEqualTo("Minimally Invasive Lateral Fusion");
		assertThat(citation.get("section").stringValue()).isEqualTo("What is minimally invasive lateral fusion?");
		assertThat(citation.get("url").stringValue())
			.isEqualTo("https://www.example.com/procedures/minimally-invasive-lateral-fusion");
		assertThat(citation.get("snippet").stringValue()).contains("surgical technique");
		assertThat(body.get("actions").isArray()).isTrue();
	}

	@Test
	void bookingActionsCarryTheBookingUrlAndPhone() {
		JsonNode body = client().chat(null, "I'd like to book an appointment").json();

		assertThat(body.get("intent").stringValue()).isEqualTo("booking");
		JsonNode book = body.get("actions").get(0);
		assertThat(book.get("type").stringValue()).isEqualTo("book");
		assertThat(book.get("label").stringValue()).isNotBlank();
		assertThat(book.get("url").stringValue()).isEqualTo("https://www.example.com/book");
		JsonNode call = body.get("actions").get(1);
		assertThat(call.get("type").stringValue()).isEqualTo("call");
		assertThat(call.get("phone").stringValue()).isEqualTo("+1-555-0100");
	}

	@Test
	void practiceDetailsComeFromThePracticeProfile() {
		Map<String, String> asked = Map.of("what are your opening hours?", "Monday to Friday, 8 am to 5 pm",
				"where are you located", "100 Sample Street, Example City", "whats your phone number", "+1-555-0100");
		for (Map.Entry<String, String> question : asked.entrySet()) {
			JsonNode body = client().chat(null, question.getKey()).json();

			assertThat(body.get("intent").stringValue()).as(question.getKey()).isEqualTo("answer");
			assertThat(body.get("reply").stringValue()).as("the detail asked for").contains(question.getValue());
			assertThat(body.get("citations").get(0).get("section").stringValue())
				.isEqualTo("Contact details and opening hours");
			assertThat(body.get("actions").get(0).get("type").stringValue()).isEqualTo("call");
		}
	}

	@Test
	void aSpanishEmergencyIsAnsweredInSpanishWithTheEmergencyNumber() {
		JsonNode body = client().chat(null, "No puedo controlar la vejiga y tengo la entrepierna adormecida").json();

		assertThat(body.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(body.get("reply").stringValue()).startsWith("Si no puede orinar, ha perdido el control de la vejiga").contains("llame al 911 ahora");
		assertThat(body.get("actions").get(0).get("type").stringValue()).isEqualTo("emergency");
	}

	@Test
	void continuesAConversationById() {
		String id = client().chat(null, "hello").text("conversationId");

		Response next = client().chat(id, "What are pedicle screws?");

		assertThat(next.status()).isEqualTo(200);
		assertThat(next.text("conversationId")).isEqualTo(id);
		assertThat(next.text("intent")).isEqualTo("answer");
	}

	@Test
	void unknownConversationIdIsNotFound() {
		Response response = client().chat("00000000-0000-0000-0000-000000000000", "hello");

		assertProblem(response, 404);
		assertThat(response.text("detail")).contains("conversationId");
	}

	@Test
	void blankMessageIsABadRequest() {
		assertProblem(client().chat(null, "   \n\t "), 400);
		assertProblem(client().chat(null, ""), 400);
		assertProblem(client().chat(null, "\u0000\u200b"), 400);
	}

	@Test
	void overlongMessageIsRejectedWithItsLimit() {
		Response response = client().chat(null, "a".repeat(2001));

		assertProblem(response, 413);
		assertThat(response.json().get("maxLength").intValue()).isEqualTo(2000);
		assertThat(client().chat(null, "scar ".repeat(400)).status()).isEqualTo(200);
	}

	@Test
	void malformedJsonIsABadRequest() {
		assertProblem(client().post("/api/chat", "{\"message\": ", "application/json"), 400);
		assertProblem(client().post("/api/chat", "", "application/json"), 400);
		assertProblem(client().post("/api/chat", "[1,2]", "application/json"), 400);
		assertProblem(client().post("/api/chat", "\"hello\"", "application/json"), 400);
		assertProblem(client().post("/api/chat", "null", "application/json"), 400);
		assertProblem(client().post("/api/chat", new byte[] { (byte) 0xC3, (byte) 0x28, 0x7B }, "application/json"), 400);
	}

	@Test
	void wrongFieldTypesAreBadRequests() {
		assertProblem(client().post("/api/chat", "{\"message\": 42}", "application/json"), 400);
		assertProblem(client().post("/api/chat", "{\"message\": [\"hi\"]}", "application/json"), 400);
		assertProblem(client().post("/api/chat", "{\"message\": {\"text\": \"hi\"}}", "application/json"), 400);
		assertProblem(client().post("/api/chat", "{\"conversationId\": 7, \"message\": \"hi\"}", "application/json"), 400);
		assertProblem(client().post("/api/chat", "{\"conversationId\": null}", "application/json"), 400);
	}

	@Test
	void wrongMediaTypeAndMethodAreProblemsToo() {
		assertProblem(client().post("/api/chat", "message=hi", "application/x-www-form-urlencoded"), 415);
		assertProblem(client().get("/api/chat"), 405);
		assertProblem(client().get("/api/nothing-here"), 404);
	}

	@Test
	void querySyntaxIsJustText() {
		for (String message : new String[] { "\"lateral fusion", "(fusion AND scar) OR *", "fusion~ \\ [a TO z] ?",
				"title:scar^10 +fusion -side", "AND", "*", "~", "\\", "{!lucene}", "fusion\" OR \"x" }) {
			Response response = client().chat(null, message);
			assertThat(response.status()).as(message).isEqualTo(200);
			assertThat(response.text("intent")).as(message).isIn("answer", "not_covered");
		}
	}

	@Test
	void unicodeAndEmojiAreFine() {
		Response response = client().chat(null, "\uD83D\uDE00 will the sc\u00e0r be big? \u2728\u200d");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("intent")).isEqualTo("answer");
		assertThat(response.text("reply")).contains("small scar");
		for (String odd : new String[] { "\u202e\u4e2d\u6587", "\uD83D", "\uFFFF\uFFFE", "e\u0301\u0301\u0301" }) {
			assertThat(client().chat(null, odd + " scar").status()).as(odd).isEqualTo(200);
		}
	}

	@Test
	void theDemoPageCarriesTheWidgetAndTheTryPageIsStillServed() {
		Response demo = client().get("/");

		assertThat(demo.status()).isEqualTo(200);
		assertThat(demo.body()).contains("<script src=\"/widget.js\" defer></script>")
			.contains("Minimally Invasive Lateral Fusion");
		Response page = client().get("/try.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<form id=\"chat\"").contains("try.js");
		assertThat(client().get("/try.js").body()).contains("/api/chat");
	}

	@Test
	void healthIsUpWithTheKnowledgeIndexLoaded() {
		JsonNode health = client().get("/actuator/health").json();

		assertThat(health.get("status").stringValue()).isEqualTo("UP");
		JsonNode index = health.get("components").get("knowledgeIndex");
		assertThat(index.get("status").stringValue()).isEqualTo("UP");
		assertThat(index.has("details")).as("details are for the admin (ObservabilityTest)").isFalse();
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").intValue()).isEqualTo(status);
		assertThat(problem.get("title").stringValue()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("trace");
	}

}
