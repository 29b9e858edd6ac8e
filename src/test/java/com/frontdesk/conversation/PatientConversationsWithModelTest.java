package com.frontdesk.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The same patient chats with answers written by a language model (WireMock standing in for an OpenAI-compatible
 * server that answers realistically from the passages it is given): every intent, fact, citation and action must
 * hold as with the embedded answerer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.llm.provider=openai", "frontdesk.llm.api-key=test-key",
				"frontdesk.llm.first-token-timeout=2s", "frontdesk.llm.timeout=5s" })
class PatientConversationsWithModelTest extends PatientConversationsTest {

	static final WireMockServer MODEL = new WireMockServer(wireMockConfig().dynamicPort().extensions(new RealisticModel()));

	static {
		MODEL.start();
		MODEL.stubFor(any(anyUrl()).willReturn(ok()));
	}

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.llm.base-url", () -> MODEL.baseUrl() + "/v1");
	}

	@Autowired
	MeterRegistry metrics;

	@AfterAll
	static void stopModel() {
		MODEL.stop();
	}

	/** Every answer of the chat was the model's: none fell back to the embedded answerer. */
	@AfterEach
	void theModelWroteTheAnswers() {
		assertThat(metrics.find("frontdesk.llm.fallbacks").counters())
			.allSatisfy(counter -> assertThat(counter.count()).as(counter.getId().toString()).isZero());
	}

}
