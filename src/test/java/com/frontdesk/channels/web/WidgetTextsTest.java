package com.frontdesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.ChatClient;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;

/**
 * The widget's own texts over real HTTP: the script carries the bundles' English and Spanish texts, and the config
 * gives them in the page's language as the practice words them, with its name and numbers in them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WidgetTextsTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void northside(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].profile.emergency-number", () -> "999");
		settings.add("frontdesk.practices[0].texts-es.[widget.launcher]", () -> "Pregúntenos");
		settings.add("frontdesk.practices[0].texts.[widget.launcher]", () -> "Ask Northside");
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
	}

	@Test
	void aSpanishPageGetsTheWidgetsTextsInSpanishWithThePracticesDetails() {
		JsonNode config = client().get("/api/widget/config?language=es").json();

		assertThat(config.get("language").stringValue()).isEqualTo("es");
		JsonNode texts = config.get("texts");
		assertThat(texts.get("widget.launcher").stringValue()).isEqualTo("Escríbanos");
		assertThat(texts.get("widget.notice-emergency").stringValue()).isEqualTo("En una emergencia, llame al 911.");
		assertThat(texts.get("widget.greeting").stringValue()).contains("Sample Spine Practice");
		assertThat(texts.get("widget.unavailable").stringValue()).as("the widget's own placeholders are left to it")
			.contains("{status}");
		assertThat(config.get("starterQuestions").get(0).stringValue())
			.isEqualTo("¿Qué es la fusión lateral mínimamente invasiva?");
	}

	@Test
	void anyOtherLanguageOrNoneGetsThemInEnglish() {
		for (String query : new String[] { "", "?language=en-US", "?language=fr", "?language=%3Cscript%3E" }) {
			JsonNode config = client().get("/api/widget/config" + query).json();
			assertThat(config.get("language").stringValue()).isEqualTo("en");
			assertThat(config.get("texts").get("widget.launcher").stringValue()).isEqualTo("Chat with us");
		}
	}

	@Test
	void aPracticeWordsTheWidgetsTextsItsOwnWayInEachLanguage() {
		JsonNode spanish = client().get("/api/widget/config?practice=northside&language=es").json().get("texts");
		JsonNode english = client().get("/api/widget/config?practice=northside").json().get("texts");

		assertThat(spanish.get("widget.launcher").stringValue()).isEqualTo("Pregúntenos");
		assertThat(english.get("widget.launcher").stringValue()).isEqualTo("Ask Northside");
		assertThat(spanish.get("widget.notice-emergency").stringValue()).isEqualTo("En una emergencia, llame al 999.");
		assertThat(english.get("widget.team").stringValue()).isEqualTo("Northside Spine Center team");
	}

	@Test
	void theScriptCarriesTheBundlesTextsInBothLanguages() {
		String script = client().get("/widget.js").body();

		assertThat(script).doesNotContain(WidgetScriptController.TEXTS_PLACEHOLDER)
			.contains("\"widget.launcher\":\"Chat with us\"")
			.contains("\"widget.launcher\":\"Escríbanos\"")
			.contains("{emergency}");
	}

	ChatClient client() {
		return new ChatClient(port);
	}

}
