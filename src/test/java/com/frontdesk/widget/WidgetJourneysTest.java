package com.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.widget.Widget.Box;

/**
 * The website widget as patients meet it, in a real headless Chromium against the running app: on the demo page at
 * {@code /} and on a practice's own site on another origin (a second server with a strict CSP).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY })
class WidgetJourneysTest {

	static final HostSite site = new HostSite();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Widget widget;

	@DynamicPropertySource
	static void thePracticesSite(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.web.allowed-origins", site::origin);
		registry.add("frontdesk.practice.booking-url", () -> site.url("/book"));
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

	@BeforeEach
	void freshTab() {
		site.appPort(port);
		String keep = driver.getWindowHandle();
		for (String handle : driver.getWindowHandles()) {
			if (!handle.equals(keep)) {
				driver.switchTo().window(handle).close();
			}
		}
		driver.switchTo().window(keep);
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		widget = new Widget(driver);
	}

	/** Opens a page with nothing remembered from earlier tests (session and local storage of its origin cleared). */
	void visit(String url) {
		driver.get(url);
		driver.executeScript("sessionStorage.clear(); localStorage.clear();");
		driver.get(url);
	}

	String app(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void asksAQuestionAndSeesACitedAnswer() {
		visit(app("/"));
		assertThat(widget.all(".panel")).as("the panel is built on first open only").isEmpty();

		widget.open();
		widget.waiting().until(d -> widget.find("#fd-title").getText().equals("Sample Spine Practice")); // config loads after opening
		assertThat(widget.find(".notice").getText()).contains("not medical advice").contains("call 911");
		assertThat(widget.all(".starters button")).extracting(WebElement::getText)
			.contains("Will I have a big scar?");
		assertThat(widget.focus()).isEqualTo("fd-input");

		WebElement reply = widget.ask("Will lateral fusion leave a big scar?");

		assertThat(reply.getAttribute("data-intent")).isEqualTo("answer");
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).contains("one small scar on your side");
		WebElement source = reply.findElement(By.cssSelector(".sources a"));
		assertThat(source.getText()).contains("Minimally Invasive Lateral Fusion – Scars");
		assertThat(source.getAttribute("href"))
			.isEqualTo("https://www.example.com/procedures/minimally-invasive-lateral-fusion");
		assertThat(source.getAttribute("target")).isEqualTo("_blank");
		widget.waiting().until(d -> widget.find("[role=status]").getAttribute("textContent").contains("small scar"));
		assertThat(widget.all(".starters button")).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
		assertThat(widget.questions().get(0).findElement(By.cssSelector("time")).getText()).as("the question's time")
			.matches(".*\\d{1,2}:\\d{2}.*");
		assertThat(reply.findElement(By.cssSelector("time")).getAttribute("datetime")).as("the answer's time").isNotBlank();
		assertThat(reply.findElements(By.cssSelector(".rate"))).as("the patient can say whether it helped").hasSize(1);
		assertThat(widget.find(".greeting time").getAttribute("datetime")).as("the greeting's time").isNotBlank();
		assertThat(widget.find("#fd-sub").getText()).isEqualTo("Virtual assistant");
	}

	@Test
	void thoughtsOfSelfHarmShowTheCrisisLineAndTheEmergencyNumberInTheHeading() {
		visit(app("/"));
		widget.open();

		WebElement reply = widget.ask("I want to kill myself");

		assertThat(reply.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(reply.findElement(By.cssSelector(".head")).getText()).isEqualTo("Possible emergency: call 988 or 911 now");
	}

	@Test
	void aListInTheAnswerIsShownAsAListWithoutDashes() {
		visit(app("/"));
		widget.open();

		WebElement reply = widget.ask("Which conditions can lateral fusion treat?");

		assertThat(reply.findElements(By.cssSelector(".text ul li"))).extracting(WebElement::getText)
			.contains("degenerative disc disease", "scoliosis");
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).doesNotContain("- ");
	}

	@Test
	void aListThatStreamsInIsShownAsAListWhileItComes() {
		visit(site.url("/fake/page.html"));
		widget.open();
		widget.input().sendKeys("a list in two parts");
		widget.find("button.send").click();

		WebElement draft = widget.waiting()
			.until(d -> widget.all(".draft").stream().filter(x -> !items(x, "ul").isEmpty()).findFirst().orElse(null));
		assertThat(items(draft, "ol")).containsExactly("Stop smoking.", "Arrange a ride home.");
		assertThat(items(draft, "ul")).as("a new line that is only a dash so far is not shown").containsExactly("scoliosis");
		assertThat(draft.getAttribute("textContent")).as("no raw list marks while it streams")
			.doesNotContain("-")
			.doesNotContain("1.");
		site.carryOn();
		WebElement reply = widget.awaitReply(0);

		assertThat(items(reply, "ol")).containsExactly("Stop smoking.", "Arrange a ride home.");
		assertThat(items(reply, "ul")).containsExactly("scoliosis", "tumors", "spinal instability");
		assertThat(reply.findElement(By.cssSelector(".text")).getAttribute("textContent")).doesNotContain("-");
	}

	private static List<String> items(WebElement message, String list) {
		return message.findElements(By.cssSelector(".text " + list + " li")).stream().map(WebElement::getText).toList();
	}

	@Test
	void theDemoPageAndAConversationLogNoErrorsInTheBrowserConsole() {
		visit(app("/"));
		driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // what earlier pages left
		visit(app("/"));
		widget.open();
		widget.ask("Will lateral fusion leave a big scar?");

		assertThat(driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
			.filteredOn(entry -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
			.extracting(org.openqa.selenium.logging.LogEntry::getMessage)
			.isEmpty();
	}

	@Test
	void askedHowTheSurgeryIsDoneThePatientSeesEveryStepAsAnItemOfAList() {
		visit(app("/"));
		widget.open();

		WebElement reply = widget.ask("how is the surgery done step by step");

		assertThat(reply.getAttribute("data-intent")).isEqualTo("answer");
		assertThat(reply.findElement(By.cssSelector(".text p")).getText()).isEqualTo("How the procedure works:");
		assertThat(reply.findElements(By.cssSelector(".text ul li"))).as("each step an item of a list").hasSize(5)
			.first().extracting(WebElement::getText)
			.isEqualTo("Positioning on the operating table: During the procedure you are placed on the operating table "
					+ "on your side.");
		assertThat(reply.findElement(By.cssSelector(".sources a")).getText())
			.contains("Minimally Invasive Lateral Fusion – How the procedure works");
	}

	@Test
	void repliesStreamInWordByWord() {
		visit(site.url("/fake/page.html"));
		widget.open();
		widget.input().sendKeys("stream slowly");
		widget.find("button.send").click();

		WebElement draft = widget.waiting().until(d -> {
			List<WebElement> drafts = widget.all(".draft");
			return drafts.isEmpty() || drafts.get(0).getText().isEmpty() ? null : drafts.get(0);
		});
		String partial = draft.getText();
		assertThat(partial).startsWith("One").isNotEqualTo("One small scar on your side.");

		WebElement reply = widget.awaitReply(0);
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).isEqualTo("One small scar on your side.");
		assertThat(reply.findElement(By.cssSelector(".sources a")).getAttribute("href")).isEqualTo(site.url("/scars"));
	}

	@Test
	void aFailedRequestShowsAnErrorWithRetry() {
		visit(site.url("/fake/page.html"));
		widget.open();

		widget.input().sendKeys("server fails once");
		widget.find("button.send").click();
		WebElement error = widget.waiting().until(d -> widget.all(".msg.error").stream().findFirst().orElse(null));
		assertThat(error.getAttribute("role")).isEqualTo("alert");
		assertThat(error.getText()).as("the widget's own words, not the server's problem details")
			.startsWith("The assistant is not available right now (error 503). Please try again.")
			.doesNotContain("cannot be searched right now");
		error.findElement(By.cssSelector("button")).click();
		assertThat(widget.awaitReply(0).getText()).contains("One small scar on your side.");
		assertThat(widget.all(".msg.error")).isEmpty();

		widget.input().sendKeys("network drops once");
		widget.find("button.send").click();
		error = widget.waiting().until(d -> widget.all(".msg.error").stream().findFirst().orElse(null));
		assertThat(error.getText()).contains("interrupted");
		error.findElement(By.cssSelector("button")).click();
		widget.awaitReply(1);
		assertThat(widget.questions()).as("a retry does not repeat the question").hasSize(2);
	}

	@Test
	void repliesAndMessagesAreRenderedAsTextNeverAsHtml() {
		visit(site.url("/fake/page.html"));
		widget.open();
		widget.input().sendKeys("<img src=x onerror=\"window.pwned=0\">hi");
		widget.find("button.send").click();
		widget.awaitReply(0);
		widget.input().sendKeys("html please");
		widget.find("button.send").click();
		WebElement reply = widget.awaitReply(1);

		assertThat(widget.questions().get(0).getText()).contains("<img src=x onerror=\"window.pwned=0\">hi");
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).isEqualTo("<img src=x onerror=\"window.pwned=1\"><b>bold</b>");
		assertThat(widget.all("img, b, i, script")).isEmpty();
		assertThat(reply.findElements(By.cssSelector(".sources a"))).as("no javascript: link").isEmpty();
		assertThat(reply.findElement(By.cssSelector(".sources li")).getText()).isEqualTo("<i>T</i> – S");
		assertThat(reply.findElements(By.cssSelector("a.act-book"))).as("no javascript: booking link").isEmpty();
		WebElement call = reply.findElement(By.cssSelector("a.act-call"));
		assertThat(call.getAttribute("href")).isEqualTo("tel:+15550100");
		assertThat(call.getText()).isEqualTo("<script>x</script>Call");
		assertThat(driver.executeScript("return window.pwned")).isNull();
	}

	@Test
	void bookingHandsOffToTheBookingPage() {
		visit(app("/"));
		widget.open();

		WebElement reply = widget.ask("I'd like to book an appointment");

		assertThat(reply.getAttribute("data-intent")).isEqualTo("booking");
		WebElement book = reply.findElement(By.cssSelector("a.act-book"));
		assertThat(book.getText()).contains("Book a consultation");
		assertThat(book.getAttribute("href")).isEqualTo(site.url("/book"));
		assertThat(book.getAttribute("target")).isEqualTo("_blank");
		assertThat(reply.findElement(By.cssSelector("a.act-call")).getAttribute("href")).isEqualTo("tel:+15550100");

		String page = driver.getWindowHandle();
		book.click();
		widget.waiting().until(d -> d.getWindowHandles().size() == 2);
		driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow());
		widget.waiting().until(d -> "Book a consultation".equals(d.getTitle()));
		assertThat(driver.getCurrentUrl()).isEqualTo(site.url("/book"));
		driver.close();
		driver.switchTo().window(page);
	}

	@Test
	void bookingOffersACallbackFormThatConfirmsWhenToExpectTheCall() throws IOException {
		visit(app("/"));
		widget.open();
		widget.find(".notice button").click();
		WebElement reply = widget.ask("I'd like to book an appointment");
		String conversation = (String) driver.executeScript("return sessionStorage.getItem('frontdesk.widget.conversationId')");

		WebElement form = openCallbackForm(reply);
		assertThat(form.findElement(By.cssSelector(".cb-i")).getText()).startsWith("Leave your number and we will call you back");
		assertThat(widget.focus()).as("focus moves into the form").isEqualTo("fd-cb1-name");
		assertThat(form.findElement(By.cssSelector("label[for=fd-cb1-consent]")).getText())
			.startsWith("I agree that Sample Spine Practice may contact me");
		form.findElement(By.cssSelector("#fd-cb1-name")).sendKeys("Lena Ortiz");
		form.findElement(By.cssSelector("#fd-cb1-phone")).sendKeys("(617) 555-0175");
		form.findElement(By.cssSelector("#fd-cb1-email")).sendKeys("lena@example.org");
		new Select(form.findElement(By.cssSelector("#fd-cb1-preferredTime"))).selectByValue("morning");
		form.findElement(By.cssSelector("#fd-cb1-reason")).sendKeys("Recovery after lateral fusion");
		form.findElement(By.cssSelector("#fd-cb1-consent")).click();
		assertNoSeriousViolations("the callback form");
		widget.script("arguments[0].scrollIntoView({block: 'start'})", form);
		save("widget-callback.png");

		WebElement send = form.findElement(By.cssSelector("button.go"));
		widget.script("arguments[0].click(); arguments[0].click();", send);

		WebElement done = widget.waiting().until(d -> reply.findElements(By.cssSelector(".cb-ok")).stream().findFirst().orElse(null));
		assertThat(done.getText()).startsWith("Thank you, we have your request.").contains("call you back");
		assertThat(done.getAttribute("role")).isEqualTo("status");
		assertThat(reply.findElements(By.cssSelector("form.cb, button.act-callback"))).as("no second request from this reply").isEmpty();
		Map<String, Object> row = jdbc.sql("select * from callback_request where phone = '+16175550175'").query().singleRow();
		assertThat(row).containsEntry("name", "Lena Ortiz")
			.containsEntry("conversation_id", conversation)
			.containsEntry("preferred_time", "morning")
			.containsEntry("reason", "Recovery after lateral fusion")
			.containsEntry("channel", "web");
		assertThat((String) row.get("consent_text")).startsWith("I agree that Sample Spine Practice may contact me");
	}

	@Test
	void anInvalidPhoneNumberIsShownAtTheField() {
		visit(app("/"));
		widget.open();
		WebElement form = openCallbackForm(widget.ask("Can someone call me back?"));
		form.findElement(By.cssSelector("#fd-cb1-name")).sendKeys("Max Hale");
		form.findElement(By.cssSelector("#fd-cb1-phone")).sendKeys("555-CALL-NOW");
		form.findElement(By.cssSelector("#fd-cb1-consent")).click();
		form.findElement(By.cssSelector("button.go")).click();

		WebElement phone = form.findElement(By.cssSelector("#fd-cb1-phone"));
		widget.waiting().until(d -> "true".equals(phone.getAttribute("aria-invalid")));
		assertThat(form.findElement(By.cssSelector("#fd-cb1-phone-e")).getText()).contains("digits only");
		assertThat(phone.getAttribute("aria-describedby")).isEqualTo("fd-cb1-phone-e");
		WebElement summary = form.findElement(By.cssSelector(".cb-s"));
		assertThat(summary.getAttribute("role")).isEqualTo("alert");
		widget.waiting().until(d -> summary.getText().equals("Please check: Phone number."));
		assertThat(widget.focus()).as("focus on the field to correct").isEqualTo("fd-cb1-phone");
		assertThat(form.findElement(By.cssSelector("#fd-cb1-name")).getAttribute("aria-invalid")).isNull();
		assertThat(jdbc.sql("select count(*) from callback_request where name = 'Max Hale'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void cancelClosesTheCallbackFormAndSendsNothing() {
		visit(app("/"));
		widget.open();
		WebElement reply = widget.ask("I want to schedule a consultation");
		WebElement form = openCallbackForm(reply);
		form.findElement(By.cssSelector("#fd-cb1-name")).sendKeys("Nia Brooks");

		form.findElement(By.cssSelector("button.no")).click();

		assertThat(reply.findElements(By.cssSelector("form.cb"))).isEmpty();
		WebElement again = reply.findElement(By.cssSelector("button.act-callback"));
		assertThat(again.isDisplayed()).isTrue();
		assertThat(widget.focus()).isEqualTo("btn act-callback");
		assertThat(jdbc.sql("select count(*) from callback_request where name = 'Nia Brooks'").query(Integer.class).single())
			.isZero();
	}

	private WebElement openCallbackForm(WebElement reply) {
		WebElement button = reply.findElement(By.cssSelector("button.act-callback"));
		assertThat(button.getText()).isEqualTo("Request a call back");
		button.click();
		return widget.waiting().until(d -> reply.findElements(By.cssSelector("form.cb")).stream().findFirst().orElse(null));
	}

	@Test
	void aPersonFromThePracticeRepliesInTheChatAfterThePatientAsksForOne() {
		visit(app("/"));
		widget.open();

		WebElement handoff = widget.ask("Can I talk to a real person?");
		assertThat(handoff.getAttribute("data-intent")).isEqualTo("handoff");
		assertThat(handoff.getText()).contains("asked the team");
		assertThat(handoff.findElements(By.cssSelector(".rate"))).as("no 'Helpful?' under the handoff notice").isEmpty();
		assertThat(widget.find("#fd-sub").getText()).isEqualTo("Virtual assistant · waiting for Sample Spine Practice team");
		String conversation = (String) driver
			.executeScript("return sessionStorage.getItem('frontdesk.widget.conversationId')");
		HttpRequest staffReply = HttpRequest
			.newBuilder(URI.create(app("/api/admin/conversations/" + conversation + "/messages")))
			.header("Authorization", AdminLogin.header())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Hi, this is Dana at the front desk. How can I help?\"}"))
			.build();
		assertThat(new ChatClient(port).send(staffReply).status()).isEqualTo(204);

		WebElement staff = widget.waiting()
			.withTimeout(Duration.ofSeconds(20))
			.until(d -> widget.all(".log .msg.staff").stream().findFirst().orElse(null));
		assertThat(staff.getText()).contains("Sample Spine Practice team").contains("this is Dana at the front desk");
		assertThat(staff.findElements(By.cssSelector(".rate"))).as("no 'Helpful?' under the team's own message").isEmpty();
		assertThat(staff.findElement(By.cssSelector("time")).getAttribute("datetime")).isNotBlank();
		widget.waiting().until(d -> widget.find("#fd-sub").getText().equals("Sample Spine Practice team is answering"));
		widget.input().sendKeys("Thanks Dana, can I come in on Friday?");
		widget.find("button.send").click();
		WebElement note = widget.waiting().until(d -> widget.all(".log .note").stream().findFirst().orElse(null));
		assertThat(note.findElement(By.cssSelector(".text")).getText()).isEqualTo("Sent to the team.");
		assertThat(note.findElement(By.cssSelector("time")).getAttribute("datetime")).isNotBlank();
		assertThat(widget.replies()).as("the assistant stays quiet while staff have the conversation").hasSize(2);

		driver.navigate().refresh();
		widget.waiting().until(d -> widget.isOpen() && widget.all(".log .msg.staff").size() == 1);
		assertThat(widget.questions()).hasSize(2);
		assertThat(widget.questions().get(1).findElement(By.cssSelector(".text")).getText())
			.isEqualTo("Thanks Dana, can I come in on Friday?");
		assertThat(widget.all(".log .note")).as("the note is shown again, with its time").singleElement()
			.satisfies(n -> assertThat(n.findElement(By.cssSelector("time")).getAttribute("datetime")).isNotBlank());
	}

	@Test
	void anEmergencyShowsAnUnmistakableBanner() {
		visit(app("/"));
		widget.open();

		WebElement reply = widget.ask("I suddenly can't feel my legs and lost bladder control");

		assertThat(reply.getAttribute("data-intent")).isEqualTo("emergency");
		assertThat(reply.getAttribute("class")).contains("emergency");
		assertThat(reply.getAttribute("role")).isEqualTo("alert");
		assertThat(reply.findElement(By.cssSelector(".head")).getText()).isEqualTo("Possible emergency: call 911 now");
		assertThat(reply.getCssValue("background-color")).isEqualTo("rgba(176, 0, 32, 1)");
		WebElement call = reply.findElement(By.cssSelector("a.act-emergency"));
		assertThat(call.getAttribute("href")).isEqualTo("tel:911");
		assertThat(call.getText()).contains("911");
		assertThat(widget.box(call).bottom()).as("the call button comes before the text")
			.isLessThan(widget.box(reply.findElement(By.cssSelector(".text"))).top());
		assertThat(reply.getText()).contains("lost control of your bladder or bowels").contains("call 911 now");
	}

	@ParameterizedTest(name = "{0}×{1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			1280 | 800 | I can't control my bladder since this morning
			390  | 844 | I can't control my bladder since this morning
			1280 | 800 | chest pain and I'm short of breath
			1280 | 800 | I want to kill myself
			390  | 844 | I want to kill myself
			""")
	void anEmergencyAfterLongAnswersIsSeenWholeWithItsCallButtonWithoutScrolling(int width, int height, String message) {
		WebElement reply = emergencyAfterLongAnswers(width, height, message);

		seenWhole(reply);
	}

	@Test
	void anEmergencyIsStillSeenWholeWhenThePatientReloadsThePage() {
		emergencyAfterLongAnswers(1280, 800, "I want to kill myself");

		driver.navigate().refresh();
		widget.waiting().until(d -> widget.isOpen() && widget.replies().size() == 3);

		seenWhole(widget.replies().get(2));
	}

	@Test
	void inAWindowTooShortForTheWholeEmergencyReplyItsHeadingAndCallButtonsAreSeenFirst() {
		WebElement reply = emergencyAfterLongAnswers(1280, 480, "I want to kill myself");

		assertThat(widget.box(reply).height()).as("the banner is taller than the view")
			.isGreaterThan(widget.visibleLog().height());
		seenWithoutScrolling(reply.findElement(By.cssSelector(".head")), "the heading");
		List<WebElement> calls = reply.findElements(By.cssSelector("a.act-emergency"));
		assertThat(calls).hasSize(2).allSatisfy(call -> seenWithoutScrolling(call, call.getText()));
	}

	private WebElement emergencyAfterLongAnswers(int width, int height, String message) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 480));
		visit(app("/"));
		widget.open();
		answeredFromItsFirstLine(widget.ask("how is the surgery done step by step"));
		answeredFromItsFirstLine(widget.ask("Am I a good candidate?"));
		WebElement reply = widget.ask(message);
		assertThat(reply.getAttribute("data-intent")).isEqualTo("emergency");
		return reply;
	}

	@Test
	void aLongAnswerStreamsInWithItsStartInViewAndStaysThere() {
		visit(site.url("/fake/page.html"));
		widget.open();
		widget.ask("hello");
		widget.ask("and again");
		widget.script("""
				const s = document.querySelector('frontdesk-chat').shadowRoot;
				const log = s.querySelector('.log');
				window.seenWhileStreaming = [];
				new MutationObserver(() => {
				  const draft = s.querySelector('.log .draft');
				  if (!draft || !draft.textContent) return;
				  const view = log.getBoundingClientRect();
				  const start = draft.getBoundingClientRect().top;
				  window.seenWhileStreaming.push({ fromTop: start - view.top, toBottom: view.bottom - start,
				    scrollTop: log.scrollTop });
				}).observe(log, { subtree: true, childList: true, characterData: true });""");

		WebElement reply = widget.ask("answer at length");

		@SuppressWarnings("unchecked")
		List<Map<String, Number>> seen = (List<Map<String, Number>>) widget.script("return window.seenWhileStreaming");
		assertThat(seen).as("the answer came in pieces").hasSizeGreaterThan(10);
		double scrolled = -1;
		for (Map<String, Number> moment : seen) {
			assertThat(moment.get("fromTop").doubleValue()).as("the answer's start is not above the view: %s", seen)
				.isGreaterThanOrEqualTo(0);
			assertThat(moment.get("toBottom").doubleValue()).as("the answer's start is not below the view: %s", seen)
				.isGreaterThan(30);
			assertThat(moment.get("scrollTop").doubleValue()).as("the conversation never scrolls back: %s", seen)
				.isGreaterThanOrEqualTo(scrolled);
			scrolled = moment.get("scrollTop").doubleValue();
		}
		assertThat(widget.box(reply).height()).as("longer than the view").isGreaterThan(widget.visibleLog().height());
		answeredFromItsFirstLine(reply);
		assertThat(reply.findElement(By.cssSelector(".text")).getText()).startsWith("Line 1 of a long answer.");
	}

	@Test
	void aPatientWhoScrollsBackWhileAnAnswerStreamsInIsNotPulledAwayFromWhatTheyRead() {
		visit(site.url("/fake/page.html"));
		widget.open();
		widget.ask("hello");
		widget.ask("and again");
		widget.input().sendKeys("answer in two parts");
		widget.find("button.send").click();
		widget.waiting().until(d -> widget.all(".draft").stream().anyMatch(draft -> draft.getText().contains("Line 10")));
		WebElement log = widget.find(".log");
		double streaming = scrollTop(log);

		new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(log), 0, -150).perform();
		widget.waiting().until(d -> scrollTop(log) < streaming);
		double reading = scrollTop(log);
		site.carryOn();
		WebElement reply = widget.awaitReply(2);

		assertThat(reply.findElement(By.cssSelector(".text")).getText()).endsWith("Line 30 of a long answer.");
		assertThat(scrollTop(log)).as("where the patient scrolled to (%s while streaming)", streaming)
			.isLessThanOrEqualTo(reading);
	}

	private static Instant shownAt(WebElement message) {
		return Instant.parse(message.findElement(By.cssSelector("time")).getAttribute("datetime"));
	}

	private double scrollTop(WebElement element) {
		return ((Number) widget.script("return arguments[0].scrollTop", element)).doubleValue();
	}

	/** The emergency banner, its heading and its call buttons lie inside the visible message area. */
	private void seenWhole(WebElement emergency) {
		assertThat(emergency.getAttribute("data-intent")).isEqualTo("emergency");
		seenWithoutScrolling(emergency.findElement(By.cssSelector(".head")), "the heading");
		List<WebElement> calls = emergency.findElements(By.cssSelector("a.act-emergency"));
		assertThat(calls).isNotEmpty().allSatisfy(call -> seenWithoutScrolling(call, call.getText()));
		seenWithoutScrolling(emergency, "the whole banner");
	}

	/** The reply's first line of text lies inside the visible message area. */
	private void answeredFromItsFirstLine(WebElement reply) {
		WebElement text = reply.findElement(By.cssSelector(".text"));
		inView(widget.firstLine(text), "the first line of \"" + text.getText().lines().findFirst().orElse("") + "\"");
	}

	private void seenWithoutScrolling(WebElement element, String what) {
		inView(widget.box(element), what);
	}

	private void inView(Box box, String what) {
		Box view = widget.visibleLog();
		assertThat(box).as("%s at %s, the visible message area %s", what, box, view)
			.matches(view::contains, "inside the visible message area");
	}

	@Test
	void theConversationSurvivesAReloadAndNavigation() {
		visit(app("/"));
		widget.open();
		widget.ask("What are pedicle screws?");
		String id = (String) driver.executeScript("return sessionStorage.getItem('frontdesk.widget.conversationId')");
		assertThat(id).isNotBlank();
		Instant reloaded = Instant.parse((String) widget.script("return new Date().toISOString()"));

		driver.navigate().refresh();
		widget.waiting().until(d -> widget.isOpen() && widget.replies().size() == 1);
		assertThat(widget.questions()).singleElement().satisfies(q -> assertThat(q.findElement(By.cssSelector(".text")).getText()).isEqualTo("What are pedicle screws?"));
		assertThat(widget.replies().get(0).findElement(By.cssSelector(".sources a")).getText()).contains("Pedicle screws");
		Instant given = Instant.parse(new ChatClient(port).get("/api/conversations/" + id).json().get("turns").get(0)
			.get("time").stringValue()).truncatedTo(ChronoUnit.MILLIS);
		assertThat(given).isBefore(reloaded);
		assertThat(shownAt(widget.replies().get(0))).as("the answer keeps the time it was given").isEqualTo(given);
		assertThat(shownAt(widget.questions().get(0))).as("the question keeps its time").isEqualTo(given);

		driver.get(app("/?page=two#how"));
		widget.waiting().until(d -> widget.isOpen() && widget.replies().size() == 1);
		WebElement followUp = widget.ask("how many are placed?");
		assertThat(followUp.getAttribute("data-intent")).isNotNull();
		assertThat(driver.executeScript("return sessionStorage.getItem('frontdesk.widget.conversationId')")).isEqualTo(id);
		assertThat(widget.questions()).hasSize(2);
	}

	@Test
	void worksWithTheKeyboardAlone() {
		visit(app("/"));
		Actions keys = new Actions(driver);
		for (int i = 0; i < 60 && !widget.focus().equals("launcher"); i++) {
			keys.sendKeys(Keys.TAB).perform();
		}
		assertThat(widget.focus()).as("the launcher is reachable with Tab").isEqualTo("launcher");

		keys.sendKeys(Keys.ENTER).perform();
		widget.waiting().until(d -> widget.isOpen());
		assertThat(widget.focus()).isEqualTo("fd-input");
		keys.sendKeys("Will lateral fusion leave a big scar?").sendKeys(Keys.ENTER).perform();
		assertThat(widget.awaitReply(0).getText()).contains("small scar");

		for (int i = 0; i < 25; i++) {
			keys.sendKeys(Keys.TAB).perform();
			assertThat(widget.focusInPanel()).as("Tab keeps focus in the panel (%s)", widget.focus()).isTrue();
		}
		for (int i = 0; i < 10; i++) {
			keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
			assertThat(widget.focusInPanel()).as("Shift+Tab keeps focus in the panel (%s)", widget.focus()).isTrue();
		}

		keys.sendKeys(Keys.ESCAPE).perform();
		widget.waiting().until(d -> !widget.isOpen());
		assertThat(widget.focus()).isEqualTo("launcher");
		assertThat(widget.launcher().getAttribute("aria-expanded")).isEqualTo("false");
	}

	@Test
	void hasNoSeriousOrCriticalAccessibilityViolations() {
		visit(app("/"));
		assertNoSeriousViolations("the demo page with the launcher");
		widget.open();
		widget.ask("Am I a good candidate?");
		widget.ask("I have chest pain and can't breathe");
		assertNoSeriousViolations("the open panel with an answer, actions and an emergency banner");
		assertThat(widget.find(".log").getAttribute("aria-label")).isEqualTo("Conversation");
		assertThat(widget.find("label[for=fd-input]").getAttribute("textContent")).isEqualTo("Your question");
		assertThat(widget.panel().getAttribute("role")).isEqualTo("dialog");
	}

	@Test
	void theHostPagesCssDoesNotLeakIn() {
		visit(site.url("/aggressive.html"));
		assertThat(widget.launcher().isDisplayed()).as("`button { display: none }` of the page does not apply").isTrue();
		widget.open();
		WebElement reply = widget.ask("Will lateral fusion leave a big scar?");

		WebElement text = reply.findElement(By.cssSelector(".text"));
		assertThat(text.getCssValue("color")).isEqualTo("rgba(26, 26, 26, 1)");
		assertThat(text.getCssValue("font-size")).isEqualTo("15px");
		assertThat(text.getCssValue("text-transform")).isEqualTo("none");
		assertThat(text.getCssValue("font-family")).doesNotContain("Comic");
		assertThat(widget.panel().getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
		assertThat(widget.find("#fd-title").getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
		assertThat(reply.findElement(By.cssSelector(".sources a")).getCssValue("text-decoration-line")).isEqualTo("underline");
		assertThat(widget.panel().getRect().getWidth()).isEqualTo(380);
		assertThat(driver.executeScript("return document.adoptedStyleSheets.length"
				+ " + document.querySelectorAll('style, link[rel=stylesheet]').length"))
			.as("the widget adds no style to the page itself, only the page's own two").isEqualTo(2L);
	}

	@Test
	void aPracticesSiteOnAnotherOriginWithAStrictCspGetsAWorkingChat() throws InterruptedException {
		site.cspReports().clear();
		visit(site.url("/clinic.html"));

		widget.waiting().until(d -> widget.isOpen());
		assertThat(widget.find("#fd-title").getText()).isEqualTo("Clinic Chat");
		assertThat(widget.find(".greeting").getText()).contains("Hello from the clinic!");
		Rectangle panel = widget.panel().getRect();
		assertThat(panel.getX()).as("data-position=left").isLessThan(100);
		assertThat(widget.find(".bar").getCssValue("background-color")).isEqualTo("rgba(106, 27, 154, 1)");

		WebElement answer = widget.ask("Will I have a big scar?");
		assertThat(answer.getText()).contains("small scar");
		assertThat(answer.findElement(By.cssSelector(".sources a")).getAttribute("href"))
			.isEqualTo("https://www.example.com/procedures/minimally-invasive-lateral-fusion");
		WebElement booking = widget.ask("I'd like to book an appointment");
		assertThat(booking.findElement(By.cssSelector("a.act-book")).getAttribute("href")).isEqualTo(site.url("/book"));

		driver.navigate().refresh();
		widget.waiting().until(d -> widget.isOpen() && widget.replies().size() == 2);

		Thread.sleep(300); // reports are sent asynchronously
		assertThat(site.cspReports()).as("CSP violations on the host page").isEmpty();
	}

	@Test
	void screenshotsOnDesktopAndAPhoneWithAFullScreenPanel() throws IOException {
		visit(app("/"));
		widget.open();
		widget.find(".notice button").click();
		widget.ask("Am I a good candidate?");
		widget.script("arguments[0].scrollTop = arguments[0].scrollHeight", widget.find(".log"));
		save("widget-desktop.png");

		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
		visit(app("/"));
		widget.open();
		widget.ask("Will lateral fusion leave a big scar?");
		Rectangle panel = widget.panel().getRect();
		assertThat(panel.getWidth()).isEqualTo(360);
		assertThat(panel.getHeight()).isEqualTo(740);
		assertThat(panel.getX()).isZero();
		assertThat(panel.getY()).isZero();
		save("widget-phone.png");
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	private void assertNoSeriousViolations(String what) {
		Axe.assertNoSeriousViolations(driver, what);
	}

	private void save(String name) throws IOException {
		Files.write(new File(Chromium.screenshotsDir(), name).toPath(), driver.getScreenshotAs(OutputType.BYTES));
	}

}
