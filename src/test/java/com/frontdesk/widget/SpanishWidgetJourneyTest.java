package com.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The widget on a practice's page written in Spanish ({@code <html lang="es-MX">}), in a real headless Chromium: the
 * patient sees the widget itself in Spanish (the launcher, the notice, the labels, the emergency banner and the callback
 * form), confirms a consent wording in Spanish, and that Spanish wording is what the practice stores.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpanishWidgetJourneyTest {

	static final HostSite site = new HostSite();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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

	/** The Spanish page, with nothing stored from an earlier visit, and its widget. */
	static Widget visitTheSpanishPage(int port) {
		site.appPort(port);
		driver.get(site.url("/clinica.html"));
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(site.url("/clinica.html"));
		return new Widget(driver);
	}

	@Test
	void aPatientOnASpanishPageSeesTheWidgetInSpanishAndConsentsInSpanish() {
		Widget widget = visitTheSpanishPage(port);
		assertThat(widget.launcher().getText()).isEqualTo("Escríbanos");

		widget.open();
		widget.waiting().until(d -> widget.find(".greeting").getText().contains("¡Hola!"));
		assertThat(widget.find(".greeting").getText()).contains("Sample Spine Practice");
		assertThat(widget.find(".notice").getText()).contains("Esto no es consejo médico")
			.contains("En una emergencia, llame al 911.");
		assertThat(widget.find("#fd-sub").getText()).isEqualTo("Asistente virtual");
		assertThat(widget.input().getAttribute("placeholder")).isEqualTo("Escriba su pregunta…");
		assertThat(widget.find(".foot").getText()).isEqualTo("No es consejo médico. En una emergencia, llame al 911.");
		widget.find(".notice button").click();

		WebElement starter = widget.find(".starters button");
		assertThat(starter.getText()).isEqualTo("¿Qué es la fusión lateral mínimamente invasiva?");
		starter.click();
		WebElement answer = widget.awaitReply(0);
		assertThat(answer.getAttribute("data-intent")).as("a suggested question in Spanish is answered").isEqualTo("answer");

		WebElement emergency = widget.ask("no puedo orinar desde anoche y tengo las piernas dormidas");
		assertThat(emergency.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(emergency.findElement(By.cssSelector(".head")).getText())
			.isEqualTo("Posible emergencia: llame al 911 ahora");

		WebElement booking = widget.ask("Quisiera que me llamen para pedir una consulta");
		WebElement button = widget.waiting()
			.until(d -> booking.findElements(By.cssSelector("button.act-callback")).stream().findFirst().orElse(null));
		button.click();
		WebElement form = widget.waiting()
			.until(d -> booking.findElements(By.cssSelector("form.cb")).stream().findFirst().orElse(null));
		assertThat(form.findElement(By.cssSelector(".cb-t")).getText()).isEqualTo("Pedir que me llamen");
		assertThat(form.findElement(By.cssSelector(".cb-i")).getText()).startsWith("Déjenos su número y le llamaremos");
		assertThat(form.findElement(By.cssSelector("label[for=fd-cb1-name]")).getText()).isEqualTo("Su nombre");
		List<String> times = new Select(form.findElement(By.cssSelector("#fd-cb1-preferredTime"))).getOptions()
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(times).contains("Por la mañana", "A cualquier hora");
		String consent = form.findElement(By.cssSelector("label[for=fd-cb1-consent]")).getText();
		assertThat(consent).startsWith("Acepto que Sample Spine Practice me contacte");

		form.findElement(By.cssSelector("button.go")).click();
		widget.waiting().until(d -> !form.findElement(By.cssSelector(".cb-s")).getText().isEmpty());
		assertThat(form.findElement(By.cssSelector(".cb-s")).getText()).as("what is missing is said in Spanish")
			.isEqualTo("Revise: Su nombre, Número de teléfono, el consentimiento.");
		assertThat(form.findElement(By.cssSelector("#fd-cb1-name-e")).getText()).isEqualTo("Escriba su nombre.");

		form.findElement(By.cssSelector("#fd-cb1-name")).sendKeys("Lucía Gómez");
		form.findElement(By.cssSelector("#fd-cb1-phone")).sendKeys("(617) 555-0142");
		form.findElement(By.cssSelector("#fd-cb1-consent")).click();
		form.findElement(By.cssSelector("button.go")).click();
		WebElement done = widget.waiting()
			.until(d -> booking.findElements(By.cssSelector(".cb-ok")).stream().findFirst().orElse(null));
		assertThat(done.getText()).startsWith("Gracias, hemos recibido su solicitud.");

		Map<String, Object> row = jdbc.sql("select * from callback_request where phone = '+16175550142'").query().singleRow();
		assertThat(row).containsEntry("name", "Lucía Gómez").containsEntry("consent_text", consent);
	}

	/**
	 * A problem the server answers (here its request limit, two chat messages per client) is told to a patient on the
	 * Spanish page in Spanish, in the widget's own words, never in the server's English problem details; the patient
	 * can try again from the message.
	 */
	@Nested
	@TestPropertySource(properties = { "frontdesk.limits.rate-limiting=true",
			"frontdesk.limits.endpoints.chat.per-client=2/1h", "frontdesk.limits.endpoints.chat.per-conversation=off" })
	class WhenTheServerRefusesAMessage {

		@LocalServerPort
		int limitedPort;

		@Test
		void aPatientWhoSendsTooManyMessagesIsToldSoInSpanish() {
			Widget widget = visitTheSpanishPage(limitedPort);
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

}
