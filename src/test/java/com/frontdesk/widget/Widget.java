package com.frontdesk.widget;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat widget on a page, seen through its (open) shadow root, as a patient uses it. */
final class Widget {

	private final WebDriver driver;

	private final WebDriverWait wait;

	Widget(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	SearchContext root() {
		return wait.until(d -> d.findElement(By.cssSelector("frontdesk-chat")).getShadowRoot());
	}

	WebElement find(String css) {
		return root().findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return root().findElements(By.cssSelector(css));
	}

	WebElement launcher() {
		return find(".launcher");
	}

	WebElement panel() {
		return find(".panel");
	}

	WebElement input() {
		return find("#fd-input");
	}

	boolean isOpen() {
		List<WebElement> panels = all(".panel");
		return !panels.isEmpty() && panels.get(0).isDisplayed();
	}

	Widget open() {
		wait.until(d -> launcher().isDisplayed());
		launcher().click();
		wait.until(d -> isOpen());
		return this;
	}

	/** Sends a message and returns the finished reply (a bubble with its intent). */
	WebElement ask(String message) {
		int before = replies().size();
		input().sendKeys(message);
		find("button.send").click();
		return awaitReply(before);
	}

	WebElement awaitReply(int before) {
		return wait.until(d -> {
			List<WebElement> replies = replies();
			return replies.size() > before ? replies.get(replies.size() - 1) : null;
		});
	}

	List<WebElement> replies() {
		return all(".log .msg[data-intent]");
	}

	List<WebElement> questions() {
		return all(".log .msg.me");
	}

	/** Where keyboard focus is: an element of the widget (its id or class), or "page:<tag>" outside it. */
	String focus() {
		return (String) ((JavascriptExecutor) driver).executeScript("""
				const a = document.activeElement;
				if (!a || a.localName !== 'frontdesk-chat') return 'page:' + (a ? a.localName : 'none');
				const f = a.shadowRoot.activeElement;
				if (!f) return 'host';
				return f.id || f.className || f.localName;""");
	}

	boolean focusInPanel() {
		return (Boolean) ((JavascriptExecutor) driver).executeScript("""
				const a = document.activeElement;
				if (!a || a.localName !== 'frontdesk-chat') return false;
				const f = a.shadowRoot.activeElement;
				return !!f && a.shadowRoot.querySelector('.panel').contains(f);""");
	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	WebDriverWait waiting() {
		return wait;
	}

}
