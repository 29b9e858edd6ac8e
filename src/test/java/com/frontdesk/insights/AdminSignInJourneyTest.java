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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.widget.Axe;
import com.frontdesk.widget.Chromium;

/**
 * A practice manager signs in on the admin page in a real headless Chromium (no browser prompt, no credentials sent
 * by the test), works, is signed out by the page after fifteen minutes without activity (the session's last
 * activity moved back in the real database), signs in again and signs out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class AdminSignInJourneyTest {

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", AdminPageJourneysTest.CSP_WATCH));
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.stop(driver);
	}

	@Test
	void staffSignInAreSignedOutWhenIdleAndSignOut() {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		driver.get("http://localhost:" + port + "/admin/#conversations");
		WebElement form = wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed() ? d.findElement(By.id("sign-in")) : null);
		assertThat(driver.findElement(By.id("sections")).isDisplayed()).isFalse();
		Axe.assertNoSeriousViolations(driver, "sign-in");

		signIn(wait, "not the password");
		wait.until(d -> d.findElement(By.id("sign-in-message")).getText().equals("Wrong user name or password."));
		assertThat(form.isDisplayed()).isTrue();

		signIn(wait, AdminLogin.PASSWORD);
		wait.until(d -> d.findElement(By.id("conversations")).isDisplayed());
		assertThat(driver.findElement(By.id("account")).getText()).contains("Signed in as " + AdminLogin.USERNAME)
			.contains("signed out after 15 minutes without activity");
		assertThat(driver.manage().getCookieNamed("FRONTDESK_ADMIN")).as("the cookie goes to the admin API only")
			.isNull();

		jdbc.sql("update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?")
			.params(Duration.ofMinutes(16).toMillis(), Duration.ofMinutes(16).toMillis())
			.update();
		driver.findElement(By.id("tab-callbacks")).click();
		wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		assertThat(driver.findElement(By.id("sign-in-message")).getText())
			.contains("signed out after 15 minutes without activity");
		assertThat(driver.findElement(By.id("main")).isDisplayed()).isFalse();

		signIn(wait, AdminLogin.PASSWORD);
		wait.until(d -> d.findElement(By.id("sign-out")).isDisplayed());
		long sessions = sessions();
		driver.findElement(By.id("sign-out")).click();
		wait.until(d -> d.findElement(By.id("sign-in-message")).getText().equals("You are signed out."));
		assertThat(sessions()).as("the session is gone from the database").isEqualTo(sessions - 1);
		assertThat((java.util.List<?>) driver.executeScript("return window.__csp")).as("CSP violations").isEmpty();
	}

	/** Sessions in the database that have not run out (other test classes of the same context may hold some). */
	private long sessions() {
		return jdbc.sql("select count(*) from spring_session where expiry_time > ?")
			.param(System.currentTimeMillis())
			.query(Long.class)
			.single();
	}

	private void signIn(WebDriverWait wait, String password) {
		WebElement username = wait.until(d -> d.findElement(By.id("sign-in-username")));
		username.clear();
		username.sendKeys(AdminLogin.USERNAME);
		driver.findElement(By.id("sign-in-password")).sendKeys(password);
		driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
	}

}
