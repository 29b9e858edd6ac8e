package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.widget.Axe;
import com.frontdesk.widget.Chromium;

import tools.jackson.databind.JsonNode;

/**
 * The admin page as the practice manager uses it, in a real headless Chromium: the dashboard's charts, the content
 * gaps, a conversation deleted with confirmation, a callback request marked done and a handoff answered and closed
 * (against the real endpoints), and a patient's thumbs down in the website widget that shows up in the report. The browser sends the admin's Basic credentials on every request,
 * as it does once the manager has logged in at its prompt. The practice's own name gives the class a database of its
 * own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY,
				"frontdesk.practice.name=Lakeside Spine Center" })
class AdminPageJourneysTest {

	/** Collects the page's Content-Security-Policy violations, from before any script of the page runs. */
	static final String CSP_WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation', "
			+ "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

	static ChromeDriver driver;

	static boolean seeded;

	@LocalServerPort
	int port;

	WebDriverWait wait;

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.startOrSkip();
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("Authorization", AdminLogin.header())));
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.stop(driver);
	}

	@BeforeEach
	void patientsHaveAsked() {
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		if (seeded) {
			return;
		}
		seeded = true;
		new Patient(port).asks("How much does lateral fusion cost?");
		Patient books = new Patient(port);
		books.asks("What is lateral fusion?");
		books.asks("I'd like to book a consultation");
		new Patient(port).asks("Does insurance cover it?");
		Patient worried = new Patient(port);
		worried.asks("Will insurance pay for the surgery?");
		worried.asks("can i talk to a real person");
		new Patient(port).asks("Will lateral fusion leave a big scar?");
	}

	@Test
	void theDashboardShowsChartsAPracticeManagerCanReadWithoutSeeingThem() throws IOException {
		open("/admin/");

		WebElement days = chart("chart-days");
		assertThat(days.findElements(By.cssSelector("svg rect.bar"))).isNotEmpty();
		assertThat(days.findElement(By.cssSelector("svg")).getAttribute("role")).isEqualTo("img");
		assertThat(text(days, "svg desc")).contains("conversations from").contains("the busiest day was");
		assertThat(days.findElement(By.cssSelector(".legend")).getText()).contains("Website");
		assertThat(tableCells(days)).as("the table of the same numbers").isNotEmpty();
		assertThat(text(chart("chart-intents"), "svg desc")).contains("replies");
		assertThat(text(chart("chart-intents"), "svg")).contains("not covered").contains("booking");
		assertThat(text(chart("chart-funnel"), "p.summary")).startsWith("Of ").contains("came to booking");
		assertThat(text(chart("chart-topics"), "svg desc")).contains("cost (1)");
		assertThat(driver.findElement(By.id("dashboard-cards")).getText()).contains("Conversations")
			.contains("Came to booking");
		assertNoCspViolations();
		Axe.assertNoSeriousViolations(driver, "dashboard");
		save("admin-dashboard.png");
	}

	@Test
	void theContentGapsShowTheUnansweredQuestionByTopic() throws IOException {
		open("/admin/#gaps");

		WebElement row = wait.until(d -> d.findElements(By.cssSelector("#gaps-table tbody tr"))
			.stream()
			.filter(r -> r.getText().contains("How much does lateral fusion cost?"))
			.findFirst()
			.orElse(null));
		assertThat(row.findElement(By.cssSelector("th")).getText()).startsWith("cost");
		assertThat(row.findElements(By.cssSelector("td")).get(1).getText()).as("not covered").isEqualTo("1");
		assertThat(driver.findElement(By.id("tab-gaps")).getAttribute("aria-selected")).isEqualTo("true");
		assertNoCspViolations();
		Axe.assertNoSeriousViolations(driver, "content gaps");
		save("admin-content-gaps.png");
	}

	@Test
	void aConversationIsReadAndThenDeletedOnlyAfterConfirming() {
		Patient patient = new Patient(port);
		patient.asks("What are pedicle screws?");
		open("/admin/#conversations");

		WebElement open = wait.until(d -> d.findElement(
				By.cssSelector("#conversations-table button.open[data-id='" + patient.conversationId() + "']")));
		open.click();
		WebElement transcript = wait.until(d -> d.findElement(By.id("transcript-body")));
		wait.until(d -> transcript.getText().contains("What are pedicle screws?"));
		assertThat(transcript.getText()).contains("Pedicle screws and rods").containsPattern("confidence (?:9[1-9]|100)%");

		driver.findElement(By.id("delete-conversation")).click();
		WebElement dialog = driver.findElement(By.id("confirm-delete"));
		wait.until(d -> dialog.isDisplayed());
		driver.findElement(By.id("confirm-delete-cancel")).click();
		wait.until(d -> !dialog.isDisplayed());
		assertThat(new Admin(port).get("/api/admin/conversations/" + patient.conversationId()).status())
			.as("cancelled: nothing deleted").isEqualTo(200);

		driver.findElement(By.id("delete-conversation")).click();
		wait.until(d -> dialog.isDisplayed());
		driver.findElement(By.id("confirm-delete-ok")).click();
		wait.until(d -> driver.findElement(By.id("conversations-message")).getText().contains("were deleted"));
		assertThat(new Admin(port).get("/api/admin/conversations/" + patient.conversationId()).status())
			.isEqualTo(404);
		assertThat(driver.findElements(By.cssSelector("button.open[data-id='" + patient.conversationId() + "']")))
			.isEmpty();

		driver.findElement(By.id("tab-audit")).click();
		List<String> audited = wait.until(d -> {
			List<String> rows = d.findElements(By.cssSelector("#audit-table tbody tr"))
				.stream()
				.map(WebElement::getText)
				.filter(text -> text.contains(patient.conversationId()))
				.toList();
			return rows.size() >= 2 ? rows : null;
		});
		assertThat(audited.get(0)).contains("conversation deleted").contains(AdminLogin.USERNAME);
		assertThat(audited).anySatisfy(row -> assertThat(row).contains("transcript opened"));
		assertThat(driver.findElement(By.id("audit-table")).getText()).doesNotContain("pedicle screws");
		assertNoCspViolations();
	}

	@Test
	void callbacksAndHandoffsAreListedAndActedOn() {
		ChatClient client = new ChatClient(port);
		String form = client.get("/api/callbacks/form").json().get("consentVersion").stringValue();
		assertThat(client.post("/api/callbacks", "{\"name\": \"Ana García\", \"phone\": \"+1 202 555 0143\", "
				+ "\"email\": \"ana@example.com\", \"preferredTime\": \"morning\", \"reason\": \"Back pain\", "
				+ "\"consent\": true, \"consentVersion\": \"" + form + "\"}", "application/json").status()).isEqualTo(201);
		String conversation = client.chat(null, "What is lateral fusion?").text("conversationId");
		client.chat(conversation, "Please let me talk to a real person about my scan");

		open("/admin/#callbacks");
		WebElement row = wait.until(d -> d.findElements(By.cssSelector("#callbacks-table tbody tr"))
			.stream()
			.filter(r -> r.getText().contains("Ana García"))
			.findFirst()
			.orElse(null));
		assertThat(row.getText()).contains("ana@example.com").contains("morning").contains("Back pain")
			.as("the notice's state in plain words").doesNotContain("not_configured").satisfiesAnyOf(
					text -> assertThat(text).contains("Not sent: no webhook or e-mail is set up"),
					text -> assertThat(text).contains("Delivered"), text -> assertThat(text).contains("Waiting to be delivered"));
		assertThat(row.findElement(By.cssSelector("a[href^='tel:']")).getAttribute("href")).isEqualTo("tel:+12025550143");
		assertThat(driver.findElement(By.id("callbacks-csv")).getAttribute("href")).endsWith("/api/admin/callbacks.csv");
		row.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Mark done')]")).click();
		wait.until(d -> d.findElements(By.cssSelector("#callbacks-table tbody tr"))
			.stream()
			.noneMatch(r -> r.getText().contains("Ana García")));

		driver.findElement(By.id("tab-handoffs")).click();
		WebElement handoff = wait.until(d -> d.findElements(By.cssSelector("#handoffs-list article"))
			.stream()
			.filter(a -> a.getText().contains("about my scan"))
			.findFirst()
			.orElse(null));
		assertThat(handoff.getText()).contains("waiting for staff");
		handoff.findElement(By.cssSelector("textarea")).sendKeys("We will call you at 3 pm.");
		handoff.findElement(By.xpath(".//button[.='Send']")).click();
		wait.until(d -> d.findElement(By.id("handoffs-message")).getText().equals("Reply sent."));
		JsonNode staffTurn = last(client.get("/api/conversations/" + conversation).json().get("turns"));
		assertThat(staffTurn.get("author").stringValue()).isEqualTo("staff");
		assertThat(staffTurn.get("reply").stringValue()).isEqualTo("We will call you at 3 pm.");
		WebElement owned = wait.until(d -> d.findElements(By.cssSelector("#handoffs-list article"))
			.stream()
			.filter(a -> a.getText().contains("about my scan"))
			.findFirst()
			.orElse(null));
		owned.findElement(By.xpath(".//button[.='Close conversation']")).click();
		wait.until(d -> d.findElement(By.id("handoffs-message")).getText().equals("Conversation closed."));

		assertThat(client.get("/api/conversations/" + conversation).json().get("owner").stringValue()).isEqualTo("closed");
		open("/admin/#conversations");
		wait.until(d -> d.findElement(By.cssSelector("#conversations-table button.open[data-id='" + conversation + "']")))
			.click();
		WebElement transcript = wait.until(d -> d.findElement(By.id("transcript-body")));
		wait.until(d -> transcript.getText().contains("We will call you at 3 pm."));
		List<WebElement> staff = transcript.findElements(By.cssSelector(".staff"));
		assertThat(staff).hasSize(2); // the reply and the closing notice
		assertThat(staff.get(0).findElement(By.cssSelector(".who")).getText()).isEqualToIgnoringCase("Staff");
		assertThat(staff.get(0).getText()).contains("We will call you at 3 pm.");
		assertNoCspViolations();
	}

	private static JsonNode last(JsonNode array) {
		return array.get(array.size() - 1);
	}

	@Test
	void aPatientRatesAnAnswerDownInTheWidgetAndThePracticeSeesItInTheReport() {
		driver.get(app("/"));
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(app("/"));
		SearchContext widget = wait.until(d -> d.findElement(By.cssSelector("frontdesk-chat")).getShadowRoot());
		widget.findElement(By.cssSelector(".launcher")).click();
		wait.until(d -> widget.findElement(By.cssSelector("#fd-title")).getText().equals("Lakeside Spine Center"));

		WebElement answer = ask(widget, "Will lateral fusion leave a big scar?", 0);
		WebElement down = answer.findElement(By.cssSelector(".rate button.down"));
		WebElement up = answer.findElement(By.cssSelector(".rate button.up"));
		assertThat(down.getAttribute("aria-label")).isEqualTo("No, not helpful");
		assertThat(down.getAttribute("aria-pressed")).isEqualTo("false");
		down.click();
		wait.until(d -> "true".equals(down.getAttribute("aria-pressed")));
		assertThat(up.getAttribute("aria-pressed")).isEqualTo("false");
		wait.until(d -> widget.findElement(By.cssSelector("[role=status]")).getAttribute("textContent")
			.contains("Thank you for your feedback"));
		WebElement emergency = ask(widget, "I just lost control of my bladder", 1);
		assertThat(emergency.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(emergency.findElements(By.cssSelector(".rate"))).as("no rating of an emergency").isEmpty();

		open("/admin/#gaps");
		WebElement row = wait.until(d -> d.findElements(By.cssSelector("#gaps-table tbody tr"))
			.stream()
			.filter(r -> r.getText().contains("Will lateral fusion leave a big scar?"))
			.findFirst()
			.orElse(null));
		assertThat(row.findElement(By.cssSelector("th")).getText()).startsWith("scar");
		assertThat(row.findElements(By.cssSelector("td")).get(3).getText()).as("thumbs down").isEqualTo("1");
	}

	private WebElement ask(SearchContext widget, String question, int before) {
		widget.findElement(By.cssSelector("#fd-input")).sendKeys(question);
		widget.findElement(By.cssSelector("button.send")).click();
		return wait.until(d -> {
			List<WebElement> replies = widget.findElements(By.cssSelector(".log .msg[data-intent]"));
			return replies.size() > before ? replies.get(replies.size() - 1) : null;
		});
	}

	/** Opens a page of the app afresh (a change of the address's fragment alone would not reload it). */
	private void open(String path) {
		driver.get("about:blank");
		driver.get(app(path));
		wait.until(d -> d.findElement(By.cssSelector("[role=tab][aria-selected=true]")));
	}

	private WebElement chart(String id) {
		return wait.until(d -> {
			WebElement figure = d.findElement(By.id(id));
			return figure.findElements(By.cssSelector("svg")).isEmpty() ? null : figure;
		});
	}

	private static String text(WebElement within, String css) {
		return within.findElement(By.cssSelector(css)).getAttribute("textContent");
	}

	private static List<String> tableCells(WebElement within) {
		return within.findElements(By.cssSelector("details table tbody td"))
			.stream()
			.map(cell -> cell.getAttribute("textContent"))
			.toList();
	}

	private String app(String path) {
		return "http://localhost:" + port + path;
	}

	private void assertNoCspViolations() {
		assertThat((List<?>) driver.executeScript("return window.__csp")).as("CSP violations").isEmpty();
	}

	/** A screenshot of the whole page, for the documentation. */
	private void save(String name) throws IOException {
		long height = (Long) driver.executeScript(
				"document.activeElement && document.activeElement.blur(); return document.documentElement.scrollHeight");
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", Math.min(height, 4000), "deviceScaleFactor", 1, "mobile", false));
		try {
			Files.write(new File(Chromium.screenshotsDir(), name).toPath(), driver.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

}
