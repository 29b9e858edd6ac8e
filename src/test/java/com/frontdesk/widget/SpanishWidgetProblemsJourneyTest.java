package com.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A problem the server answers (here its request limit, two chat messages per client) is told to a patient on a
 * Spanish page in Spanish, in the widget's own words, never in the server's English problem details; the patient can
 * try again from the message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdesk.limits.rate-limiting=true", "frontdesk.limits.endpoints.chat.per-client=2/1h", "frontdesk.limits.endpoints.chat.per-conversation=off" })
class SpanishWidgetProblemsJourneyTest {

	static final HostSite site = new HostSite();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void site(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.web.allowed-origins", site::origin);
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.stop(driver);
		site.close();
	}

	@Test
	void aPatientOnASpanishPageWhoSendsTooManyMessagesIsToldSoInSpanish() {
		site.appPort(port);
		driver.get(site.url("/clinica.html"));
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(site.url("/clinica.html"));
		Widget widget = new Widget(driver);
		widget.open();
		widget.find(".notice button").click();

		widget.ask("¿Cuántas incisiones hay?");
		widget.ask("¿Y la cicatriz es grande?");
		widget.input().sendKeys("¿Cuánto tiempo tarda la fusión?");
		widget.find("button.send").click();
		WebElement problem = widget.waiting().until(d -> widget.all(".msg.error").stream().findFirst().orElse(null));

		assertThat(problem.getAttribute("role")).isEqualTo("alert");
		assertThat(problem.getText()).startsWith("Fueron muchos mensajes seguidos. Espere un minuto e inténtelo de nuevo.")
			.doesNotContainIgnoringCase("too many")
			.doesNotContainIgnoringCase("request");
		assertThat(problem.findElements(By.cssSelector("button"))).as("a button to try again").hasSize(1);
	}

}
