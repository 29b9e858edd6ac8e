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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.widget.Chromium;

import tools.jackson.databind.json.JsonMapper;

/**
 * On a deployment with two practices, in a real headless Chromium: the operator picks which practice the admin page
 * shows, and a practice's own staff see theirs with no choice to make.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.admin.accounts[0].username=north-admin",
		"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
		"frontdesk.admin.accounts[0].practice=northside" })
class OperatorPracticeJourneyTest {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void northside(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.stop(driver);
	}

	@Test
	void theOperatorPicksThePracticeAndAPracticesStaffSeeTheirsOnly() {
		ChatClient client = new ChatClient(port);
		JsonMapper json = JsonMapper.builder().build();
		client.chat(null, "What are pedicle screws made of?");
		client.post("/api/chat", json.writeValueAsString(Map.of("message", "Is there parking at the clinic?",
				"practice", "northside")), "application/json");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

		signIn(wait, AdminLogin.USERNAME);
		WebElement list = wait.until(d -> d.findElement(By.id("conversations")));
		wait.until(d -> list.getText().contains("What are pedicle screws made of?"));
		assertThat(list.getText()).doesNotContain("Is there parking at the clinic?");

		new Select(driver.findElement(By.id("practice"))).selectByVisibleText("Northside Spine Center");
		wait.until(d -> list.getText().contains("Is there parking at the clinic?"));
		assertThat(list.getText()).doesNotContain("What are pedicle screws made of?");

		driver.findElement(By.id("sign-out")).click();
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		signIn(wait, "north-admin");
		wait.until(d -> list.getText().contains("Is there parking at the clinic?"));
		assertThat(list.getText()).doesNotContain("What are pedicle screws made of?");
		assertThat(driver.findElement(By.id("practice-picker")).isDisplayed()).isFalse();
		assertThat(driver.findElement(By.id("account")).getText()).contains("for Northside Spine Center");
	}

	private void signIn(WebDriverWait wait, String username) {
		driver.get("http://localhost:" + port + "/admin/#conversations");
		WebElement name = wait.until(d -> d.findElement(By.id("sign-in-username")).isDisplayed()
				? d.findElement(By.id("sign-in-username")) : null);
		name.clear();
		name.sendKeys(username);
		driver.findElement(By.id("sign-in-password")).sendKeys(AdminLogin.PASSWORD);
		driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
	}

}
