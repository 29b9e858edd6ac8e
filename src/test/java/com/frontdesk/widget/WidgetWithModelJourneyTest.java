package com.frontdesk.widget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.answering.llm.OpenAiStubs;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The widget in a real headless Chromium against the app configured as a practice would with an OpenAI-compatible
 * server (WireMock speaking its chat completions API): the model's answer streams into the page sentence by sentence
 * with its source, and when the server goes away mid-conversation the next answer is the embedded one, with no error
 * shown to the patient; a draft the model then marks as an emergency gives way to the emergency banner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key", "frontdesk.llm.model=test-model" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetWithModelJourneyTest {

	static final WireMockServer MODEL = new WireMockServer(wireMockConfig().dynamicPort());

	static final String FIRST = "Upon healing, you will have one small scar on your side [1].";

	static final String SECOND = " There are also small scars on your back from the incisions [1].";

	static ChromeDriver driver;

	static {
		MODEL.start();
	}

	@DynamicPropertySource
	static void theModel(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> MODEL.baseUrl() + "/v1");
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
	}

	@AfterAll
	static void stop() {
		Chromium.stop(driver);
		MODEL.stop();
	}

	@LocalServerPort
	int port;

	/** Runs before the journey below, which stops the model server. */
	@Test
	@Order(1)
	void aDraftTheModelMarksAsAnEmergencyGivesWayToTheEmergencyBanner() {
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(10)
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody(OpenAiStubs.completion("How long does it take to heal after lateral fusion?"))));
		// The first sentence, then (after pieces of white space, arriving over a few seconds) the marker.
		List<String> pieces = new ArrayList<>(List.of("Bone growth may take several months [1]. "));
		pieces.addAll(Collections.nCopies(12, " "));
		pieces.addAll(List.of("\n**EMERGENCY**\n", "Your scars will fade [1]."));
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiStubs.stream(pieces.toArray(String[]::new)))
				.withChunkedDribbleDelay(24, 6000)));
		Widget widget = freshWidget();
		widget.ask("Hello");

		widget.input().sendKeys("I feel washed out and weird and my heart is going fast, is that part of healing?");
		widget.find("button.send").click();

		String draft = widget.waiting().until(d -> {
			List<WebElement> drafts = widget.all(".draft");
			return drafts.isEmpty() || drafts.get(0).getText().isBlank() ? null : drafts.get(0).getText();
		});
		assertThat(draft).as("the model's first sentence streams in").startsWith("Bone growth");
		WebElement reply = widget.awaitReply(1);
		assertThat(reply.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(reply.findElement(By.cssSelector(".head")).getText()).isEqualTo("Possible emergency: call 911 now");
		assertThat(reply.findElement(By.cssSelector(".text")).getText())
			.startsWith("This could be a medical emergency. Call 911 now");
		assertThat(reply.findElement(By.cssSelector("a.act-emergency")).getAttribute("href")).isEqualTo("tel:911");
		assertThat(widget.find(".log").getText()).doesNotContain("Bone growth").doesNotContain("EMERGENCY")
			.doesNotContain("scars will fade");
		MODEL.resetAll();
	}

	@Test
	@Order(2)
	void theModelsAnswerStreamsInWithItsSourceAndAStoppedServerFallsBackWithoutAnError() {
		// Word by word, the words arriving over six seconds: the first sentence is complete about halfway through.
		List<String> words = List.of((FIRST + SECOND).split("(?<= )"));
		MODEL.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
				.withBody(OpenAiStubs.stream(words.toArray(String[]::new)))
				.withChunkedDribbleDelay(24, 6000)));
		Widget widget = freshWidget();

		widget.input().sendKeys("Will lateral fusion leave a big scar?");
		widget.find("button.send").click();

		String partial = widget.waiting().until(d -> {
			List<WebElement> drafts = widget.all(".draft");
			return drafts.isEmpty() || drafts.get(0).getText().isBlank() ? null : drafts.get(0).getText();
		});
		assertThat(partial).as("the first sentence shows before the model has finished")
			.startsWith("Upon healing")
			.doesNotContain("on your back");
		WebElement reply = widget.awaitReply(0);
		assertThat(reply.getAttribute("data-intent")).isEqualTo("answer");
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).contains("one small scar on your side")
			.contains("small scars on your back from the incisions");
		assertThat(reply.findElement(By.cssSelector(".sources a")).getText())
			.contains("Minimally Invasive Lateral Fusion – Scars");

		MODEL.stop();
		WebElement fallback = widget.ask("how long does it take for the bones to heal?");

		assertThat(fallback.getAttribute("data-intent")).isEqualTo("answer");
		assertThat(fallback.findElement(By.cssSelector(".text")).getText()).contains("fuse");
		assertThat(fallback.findElement(By.cssSelector(".sources a")).getText())
			.contains("Minimally Invasive Lateral Fusion – Healing and fusion");
		assertThat(widget.all(".error")).as("no error shown to the patient").isEmpty();
	}

	/** The demo page with the widget open on a conversation of its own. */
	private Widget freshWidget() {
		driver.get("http://localhost:" + port + "/");
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get("http://localhost:" + port + "/");
		return new Widget(driver).open();
	}

}
