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

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.KnowledgeFolders;

import tools.jackson.databind.JsonNode;

/**
 * A second practice's widget on its own website ({@code data-practice="northside"}), in a real headless Chromium: its
 * patients see its name, its phone number and its emergency number, and their conversation comes back after a reload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class PracticeWidgetJourneyTest {

	static final HostSite site = new HostSite();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void northside(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].profile.phone", () -> "+1-555-0199");
		settings.add("frontdesk.practices[0].profile.emergency-number", () -> "999");
		settings.add("frontdesk.practices[0].allowed-origins", site::origin);
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
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
	void aNorthsidePatientMeetsNorthsidesAssistantAndKeepsTheConversation() {
		site.appPort(port);
		driver.get(site.url("/northside.html"));
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(site.url("/northside.html"));
		Widget widget = new Widget(driver).open();
		widget.waiting().until(d -> widget.find("#fd-title").getText().equals("Northside Spine Center"));

		WebElement phone = widget.ask("What number can I call?");
		assertThat(phone.findElement(By.cssSelector(".text")).getText()).contains("+1-555-0199")
			.doesNotContain("+1-555-0100");

		WebElement emergency = widget.ask("I suddenly can't feel my legs and lost bladder control");
		assertThat(emergency.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(emergency.findElement(By.cssSelector(".head")).getText()).contains("999");

		driver.navigate().refresh();
		Widget reloaded = new Widget(driver);
		reloaded.waiting().until(d -> reloaded.isOpen() && reloaded.replies().size() == 2);
		assertThat(reloaded.questions().get(0).findElement(By.cssSelector(".text")).getText())
			.isEqualTo("What number can I call?");

		ChatClient operator = new ChatClient(port);
		JsonNode started = operator.call("GET", "/api/admin/conversations?practice=northside", AdminLogin.header())
			.json()
			.get("items")
			.get(0);
		JsonNode transcript = operator.call("GET",
				"/api/admin/conversations/" + started.get("id").stringValue() + "?practice=northside",
				AdminLogin.header())
			.json();
		assertThat(transcript.get("page").stringValue()).as("staff see the page the patient asked on")
			.isEqualTo(site.url("/northside.html"));
	}

}
