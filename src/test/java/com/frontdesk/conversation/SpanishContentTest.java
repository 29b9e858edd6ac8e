package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * A practice with Spanish content: the knowledge folder {@code src/test/resources/knowledge-es/} has the English page
 * and a Spanish page of some of its sections ({@code lang: es}). Through the real chat API, a Spanish question is
 * answered in Spanish from the Spanish page; a Spanish question only the English page answers gets the English
 * passage with the Spanish introduction; an English question never gets the Spanish page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpanishContentTest {

	@DynamicPropertySource
	static void knowledgeFolder(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.knowledge.dir", () -> "src/test/resources/knowledge-es");
		registry.add("frontdesk.knowledge.watch", () -> "false");
	}

	@LocalServerPort
	int port;

	@Test
	void aSpanishQuestionIsAnsweredInSpanishFromTheSpanishPage() {
		JsonNode reply = chat("¿Me quedará una cicatriz grande?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith("Al sanar, le quedará una pequeña cicatriz en el costado")
			.doesNotContain("inglés")
			.endsWith("Fuente: Fusión lateral mínimamente invasiva – Cicatrices");
		JsonNode citation = reply.get("citations").get(0);
		assertThat(citation.get("title").stringValue()).isEqualTo("Fusión lateral mínimamente invasiva");
		assertThat(citation.get("url").stringValue())
			.isEqualTo("https://www.example.com/es/procedimientos/fusion-lateral-minimamente-invasiva");
	}

	@Test
	void aSpanishQuestionOnlyTheEnglishPageAnswersGetsTheEnglishPassageWithTheIntroduction() {
		JsonNode reply = chat("¿De qué está hecho el implante?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith("La información de Sample Spine Practice está en inglés")
			.contains("strong synthetic material");
		assertThat(reply.get("citations").get(0).get("title").stringValue()).isEqualTo("Minimally Invasive Lateral Fusion");
	}

	@Test
	void whatNeitherPageSaysIsNotCoveredInSpanish() {
		JsonNode reply = chat("¿Cuánto cuesta la operación?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("reply").stringValue()).startsWith("Lo siento, no encontré información");
	}

	@Test
	void anEnglishQuestionIsAnsweredFromTheEnglishPageOnly() {
		JsonNode reply = chat("Will lateral fusion leave a big scar?");

		assertThat(reply.get("reply").stringValue()).startsWith("Upon healing, you will have one small scar on your side");
		assertThat(reply.get("citations")).allSatisfy(
				citation -> assertThat(citation.get("title").stringValue()).isEqualTo("Minimally Invasive Lateral Fusion"));
	}

	private JsonNode chat(String message) {
		return new ChatClient(port).chat(null, message).json();
	}

}
