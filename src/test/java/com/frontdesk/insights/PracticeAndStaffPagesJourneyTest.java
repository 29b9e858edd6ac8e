package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.widget.Chromium;

import tools.jackson.databind.json.JsonMapper;

/**
 * In a real headless Chromium: the deployment's operator creates a practice on the admin page ("New practice"),
 * its admin signs in, sees its own patients' conversations only, and makes and disables a colleague's account.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY })
class PracticeAndStaffPagesJourneyTest {

	static final String EAST_PASSWORD = "a long eastside admin password";

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.stop(driver);
	}

	@Test
	void theOperatorCreatesAPracticeWhoseAdminMakesAndDisablesAColleaguesAccount() {
		String folder = KnowledgeFolders.withPage("""
				# Visiting Eastside Spine Clinic

				## Parking
				Patients park free of charge in the blue car park opposite the clinic on East Street.
				""");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		ChatClient client = new ChatClient(port);
		client.chat(null, "What are pedicle screws made of?");

		signIn(wait, AdminLogin.USERNAME, AdminLogin.PASSWORD, "practices");
		WebElement message = wait.until(d -> d.findElement(By.id("practice-form")).isDisplayed()
				? d.findElement(By.id("practice-message")) : null);
		fill("p-id", "eastside");
		fill("p-name", "Eastside Spine Clinic");
		fill("p-phone", "+1-555-0177");
		fill("p-booking", "https://www.eastside.example/book");
		fill("p-website", "https://www.eastside.example");
		fill("p-address", "7 East Street, Eastville");
		fill("p-folder", folder + "-missing");
		fill("p-origins", "https://www.eastside.example");
		fill("p-admin", "eastside-admin");
		fill("p-admin-password", EAST_PASSWORD);
		submit("practice-form");
		wait.until(d -> message.getText().contains("There is no folder at that path"));

		driver.findElement(By.id("p-folder")).clear();
		fill("p-folder", folder);
		fill("p-admin-password", EAST_PASSWORD);
		submit("practice-form");
		wait.until(d -> message.getText().contains("is served now"));
		assertThat(driver.findElement(By.id("practices-table")).getText()).contains("eastside", "Eastside Spine Clinic");
		assertThat(new Select(driver.findElement(By.id("practice"))).getOptions()).extracting(WebElement::getText)
			.contains("Eastside Spine Clinic");

		client.post("/api/chat", JsonMapper.builder().build().writeValueAsString(Map.of("message",
				"Where can I park?", "practice", "eastside")), "application/json");
		driver.findElement(By.id("sign-out")).click();
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());

		signIn(wait, "eastside-admin", EAST_PASSWORD, "conversations");
		WebElement list = wait.until(d -> d.findElement(By.id("conversations")));
		wait.until(d -> list.getText().contains("Where can I park?"));
		assertThat(list.getText()).doesNotContain("What are pedicle screws made of?");
		assertThat(driver.findElement(By.id("tab-practices")).isDisplayed()).isFalse();

		driver.findElement(By.id("tab-staff")).click();
		WebElement staff = wait.until(d -> d.findElement(By.id("staff-table")));
		wait.until(d -> staff.getText().contains("eastside-admin"));
		fill("account-username", "east-desk");
		fill("account-password", "the front desk password");
		submit("account-form");
		wait.until(d -> d.findElement(By.id("account-message")).getText().contains("east-desk is made"));
		wait.until(d -> staff.getText().contains("east-desk"));

		driver.findElement(By.cssSelector("#staff-table button[data-username=east-desk]")).click();
		wait.until(d -> d.findElement(By.id("staff-message")).getText().contains("east-desk is disabled"));
		assertThat(staff.getText()).contains("disabled on");
		assertThat(client.call("GET", "/api/admin/me", AdminLogin.basic("east-desk", "the front desk password"))
			.status()).isEqualTo(401);
	}

	private void fill(String id, String text) {
		driver.findElement(By.id(id)).sendKeys(text);
	}

	private void submit(String form) {
		driver.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
	}

	private void signIn(WebDriverWait wait, String username, String password, String section) {
		driver.get("http://localhost:" + port + "/admin/#" + section);
		WebElement name = wait.until(d -> d.findElement(By.id("sign-in-username")).isDisplayed()
				? d.findElement(By.id("sign-in-username")) : null);
		name.clear();
		name.sendKeys(username);
		driver.findElement(By.id("sign-in-password")).sendKeys(password);
		driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
	}

}
