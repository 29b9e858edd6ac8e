package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
import com.frontdesk.widget.Axe;
import com.frontdesk.widget.Chromium;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a real headless Chromium: the deployment's operator creates a practice on the admin page ("New practice"),
 * its admin signs in, sees its own patients' conversations only, makes and disables a colleague's account and gives
 * it a new password;
 * the operator changes a created practice, with what is wrong said next to each field.
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

	/** Each journey ends signed out, as staff leave the page. */
	@AfterEach
	void signOut() {
		WebElement signOut = driver.findElement(By.id("sign-out"));
		if (signOut.isDisplayed()) {
			signOut.click();
			new WebDriverWait(driver, Duration.ofSeconds(20))
				.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
		}
	}

	@Test
	void theOperatorCreatesAPracticeWhoseAdminMakesDisablesAndSetsAColleaguesAccountsPassword() {
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
		wait.until(d -> message.getText().contains("One field needs attention"));
		assertThat(driver.findElement(By.id("p-folder-error")).getText()).contains("There is no folder at that path");
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("the field to fix").isEqualTo("p-folder");

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

		WebElement setPassword = staff.findElement(By.cssSelector("button[data-password-for=east-desk]"));
		assertThat(setPassword.getDomProperty("textContent")).isEqualTo("Set password for east-desk");
		assertThat(staff.findElements(By.cssSelector("button[data-password-for=eastside-admin]")))
			.as("not the account signed in").isEmpty();
		setPassword.sendKeys(Keys.ENTER);
		WebElement form = wait.until(d -> d.findElement(By.id("password-form")).isDisplayed()
				? d.findElement(By.id("password-form")) : null);
		assertThat(form.getText()).contains("Set a new password for east-desk", "At least 12 characters");
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("new-password");
		fill("new-password", "too short");
		submit("password-form");
		WebElement tooShort = wait.until(d -> d.findElement(By.id("new-password-error")));
		assertThat(tooShort.getText()).contains("at least 12 characters");
		assertThat(driver.findElement(By.id("new-password")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("new-password")).getDomAttribute("aria-describedby"))
			.contains("new-password-hint", "new-password-error");
		Axe.assertNoSeriousViolations(driver, "the staff accounts, with the new password's problem");

		fill("new-password", "a brand new front desk password");
		submit("password-form");
		wait.until(d -> d.findElement(By.id("staff-message")).getText()
			.contains("east-desk signs in with the new password now"));
		assertThat(form.isDisplayed()).isFalse();
		assertThat(staff.findElement(By.xpath(".//tr[td[1][.='east-desk']]")).getText()).as("enabled again")
			.contains("Disable east-desk")
			.doesNotContain("disabled on");
		assertThat(client.call("GET", "/api/admin/me", AdminLogin.basic("east-desk", "a brand new front desk password"))
			.status()).isEqualTo(200);
		assertThat(client.call("GET", "/api/admin/me", AdminLogin.basic("east-desk", "the front desk password"))
			.status()).as("the old password no longer").isEqualTo(401);
	}

	@Test
	void theOperatorChangesACreatedPracticeAndSeesWhatIsWrongNextToEachField() {
		ChatClient client = new ChatClient(port);
		String westsideFolder = create(client, "westside", "Westside Spine Clinic", "https://www.westside.example");
		create(client, "northwest", "Northwest Spine Clinic", "https://www.northwest.example");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

		signIn(wait, AdminLogin.USERNAME, AdminLogin.PASSWORD, "practices");
		WebElement practices = wait.until(d -> d.findElement(By.id("practices-table")));
		wait.until(d -> practices.getText().contains("Northwest Spine Clinic"));
		assertThat(practices.findElement(By.xpath(".//tr[td[1][.='default']]")).getText())
			.contains("changed in the deployment's settings");
		assertThat(practices.findElements(By.cssSelector("button[data-practice=default]"))).isEmpty();

		WebElement change = practices.findElement(By.cssSelector("button[data-practice=westside]"));
		change.click();
		WebElement form = wait.until(d -> d.findElement(By.id("practice-edit-form")).isDisplayed()
				? d.findElement(By.id("practice-edit-form")) : null);
		driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		wait.until(d -> !form.isDisplayed());
		assertThat(driver.switchTo().activeElement().getDomAttribute("data-practice")).as("back on its button")
			.isEqualTo("westside");
		change.sendKeys(Keys.ENTER);
		wait.until(d -> form.isDisplayed());
		assertThat(driver.findElement(By.id("practice-edit-title")).getText()).contains("Westside Spine Clinic");
		assertThat(value("e-name")).isEqualTo("Westside Spine Clinic");
		assertThat(value("e-hours-monday")).isEqualTo("08:00-17:00");
		assertThat(value("e-hours-sunday")).isEqualTo("closed");
		assertThat(value("e-callback")).isEqualTo("2h");
		assertThat(value("e-origins")).isEqualTo("https://www.westside.example");
		assertThat(driver.findElement(By.id("practice-edit-folder")).getText()).endsWith(westsideFolder);

		replace("e-zone", "Mars/Olympus");
		replace("e-hours-tuesday", "9 to 5");
		submit("practice-edit-form");
		WebElement zoneError = wait.until(d -> d.findElement(By.id("e-zone-error")));
		assertThat(zoneError.getText()).contains("A time zone such as America/Chicago.");
		assertThat(driver.findElement(By.id("e-zone")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("e-zone")).getDomAttribute("aria-describedby")).contains("e-zone-error");
		assertThat(driver.findElement(By.id("e-hours-error")).getText()).contains("Give each day as 08:00-17:00");
		assertThat(driver.findElement(By.id("practice-edit-message")).getText()).contains("Some fields need attention");
		assertThat(driver.findElement(By.id("e-name")).getDomAttribute("aria-invalid")).isNull();
		Axe.assertNoSeriousViolations(driver, "the practice's change form, with what is wrong");

		replace("e-zone", "America/Chicago");
		replace("e-hours-tuesday", "08:00-12:00,13:00-17:00");
		replace("e-origins", "https://www.northwest.example");
		submit("practice-edit-form");
		wait.until(d -> d.findElement(By.id("e-origins-error")).getText().contains("northwest"));
		assertThat(driver.findElement(By.id("practice-edit-message")).getText())
			.contains("That origin is the practice 'northwest''s already");
		assertThat(zoneError.isDisplayed()).as("what was fixed is no longer marked").isFalse();

		replace("e-origins", "https://new.westside.example");
		replace("e-name", "Westside Spine and Rehab");
		replace("e-phone", "+1-555-0199");
		submit("practice-edit-form");
		wait.until(d -> d.findElement(By.id("practices-message")).getText().contains("is served with the changes now"));
		assertThat(form.isDisplayed()).isFalse();
		wait.until(d -> practices.getText().contains("Westside Spine and Rehab"));
		assertThat(client.get("/api/widget/config?practice=westside").text("practiceName"))
			.isEqualTo("Westside Spine and Rehab");
		JsonNode changed = client.call("GET", "/api/admin/practices/westside", AdminLogin.header()).json();
		assertThat(changed.get("profile").get("phone").asString()).isEqualTo("+1-555-0199");
		assertThat(changed.get("profile").get("timeZone").asString()).isEqualTo("America/Chicago");
		assertThat(changed.get("profile").get("hours").get("tuesday").asString()).isEqualTo("08:00-12:00,13:00-17:00");
		assertThat(changed.get("allowedOrigins").toString()).isEqualTo("[\"https://new.westside.example\"]");
	}

	/** A practice the operator creates with one request, served from a folder of its own; returns the folder. */
	private static String create(ChatClient client, String id, String name, String website) {
		String folder = KnowledgeFolders.withPage("""
				# Visiting %s

				## Parking
				Patients park in the car park behind the clinic.
				""".formatted(name));
		Map<String, Object> practice = Map.of("id", id, "knowledgeDir", folder, "allowedOrigins", List.of(website),
				"profile", Map.of("name", name, "phone", "+1-555-0100", "bookingUrl", website + "/book", "website", website,
						"address", "1 West Street"),
				"admin", Map.of("username", id + "-admin", "password", EAST_PASSWORD));
		assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/admin/practices"))
			.header("Authorization", AdminLogin.header())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(practice)))
			.build()).status()).isEqualTo(201);
		return folder;
	}

	private String value(String id) {
		return driver.findElement(By.id(id)).getDomProperty("value");
	}

	private void replace(String id, String text) {
		WebElement input = driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
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
