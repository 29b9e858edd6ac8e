package com.frontdesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the widget says of the patient's page and language: staff see the page a conversation started on (without
 * its query string, which may carry a visitor's details), a message too short to tell its language is answered in
 * the page's, and a hint that is not a URL or a language tag never costs the patient their message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class ChatPageAndLanguageTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void staffSeeThePageAConversationStartedOnWithoutItsQuery() {
		ChatClient client = new ChatClient(port);
		String id = chat(client, "Will lateral fusion leave a big scar?", "en-US",
				"https://www.Example.com/procedures/lateral-fusion?email=ana%40mail.example&utm=x#faq")
			.json()
			.get("conversationId")
			.stringValue();

		JsonNode transcript = client.call("GET", "/api/admin/conversations/" + id, AdminLogin.header()).json();
		assertThat(transcript.get("page").stringValue()).isEqualTo("https://www.example.com/procedures/lateral-fusion");
		assertThat(transcript.toString()).doesNotContain("ana%40mail").doesNotContain("utm");
	}

	@Test
	void aShortMessageIsAnsweredInThePagesLanguage() {
		ChatClient client = new ChatClient(port);
		JsonNode spanishPage = chat(client, "ok", "es-MX", "https://www.example.com/es/").json();
		JsonNode englishPage = chat(client, "ok", "en", "https://www.example.com/").json();

		assertThat(spanishPage.get("reply").stringValue()).isNotEqualTo(englishPage.get("reply").stringValue());
		assertThat(spanishPage.get("reply").stringValue()).containsAnyOf("¿", "á", "é", "í", "ó", "ú", "ñ");
		assertThat(englishPage.get("reply").stringValue()).doesNotContain("¿");
	}

	@Test
	void anEnglishQuestionOnASpanishPageIsStillAnsweredInEnglish() {
		JsonNode reply = chat(new ChatClient(port), "Will lateral fusion leave a big scar?", "es", null).json();

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).contains("small scar on your side");
	}

	@Test
	void aPageOrLanguageThatIsNotOneIsIgnoredAndTheMessageAnswered() {
		ChatClient client = new ChatClient(port);
		Response odd = chat(client, "Will lateral fusion leave a big scar?", "<script>", "javascript:alert(1)");
		assertThat(odd.status()).isEqualTo(200);
		JsonNode transcript = client
			.call("GET", "/api/admin/conversations/" + odd.json().get("conversationId").stringValue(), AdminLogin.header())
			.json();
		assertThat(transcript.get("page").isNull()).isTrue();

		Response wrongType = client.post("/api/chat", "{\"message\": \"Hello\", \"page\": 42}", "application/json");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.contentType()).startsWith("application/problem+json");
		assertThat(wrongType.json().get("detail").stringValue()).contains("\"page\"");
	}

	private static Response chat(ChatClient client, String message, String language, String page) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("language", language);
		body.put("page", page);
		return client.post("/api/chat", JSON.writeValueAsString(body), "application/json");
	}

}
