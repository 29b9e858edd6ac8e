package com.frontdesk.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

	/** Where an element is drawn in the window, from its {@code getBoundingClientRect()}, in CSS pixels. */
	Box box(WebElement element) {
		return Box.of(script("return arguments[0].getBoundingClientRect().toJSON()", element));
	}

	/** Where the first line of an element's text is drawn: the line box of its first character. */
	Box firstLine(WebElement element) {
		return Box.of(script("""
				const text = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT).nextNode();
				const range = document.createRange();
				range.setStart(text, 0);
				range.setEnd(text, 1);
				return range.getClientRects()[0].toJSON();""", element));
	}

	/**
	 * The part of the conversation the patient sees without scrolling: the scrolling message area, as far as it lies
	 * inside the panel and the window.
	 */
	Box visibleLog() {
		return Box.of(script("""
				const s = document.querySelector('frontdesk-chat').shadowRoot;
				const log = s.querySelector('.log').getBoundingClientRect();
				const panel = s.querySelector('.panel').getBoundingClientRect();
				return { left: Math.max(log.left, panel.left, 0), top: Math.max(log.top, panel.top, 0),
				  right: Math.min(log.right, panel.right, window.innerWidth),
				  bottom: Math.min(log.bottom, panel.bottom, window.innerHeight) };"""));
	}

	/** A rectangle on the screen. */
	record Box(double left, double top, double right, double bottom) {

		@SuppressWarnings("unchecked")
		static Box of(Object rect) {
			Map<String, Object> r = (Map<String, Object>) rect;
			return new Box(number(r, "left"), number(r, "top"), number(r, "right"), number(r, "bottom"));
		}

		private static double number(Map<String, Object> rect, String side) {
			return ((Number) rect.get(side)).doubleValue();
		}

		boolean contains(Box other) {
			return other.left >= left - 0.5 && other.top >= top - 0.5 && other.right <= right + 0.5
					&& other.bottom <= bottom + 0.5;
		}

		double height() {
			return bottom - top;
		}

		@Override
		public String toString() {
			return "[%.0f,%.0f – %.0f,%.0f]".formatted(left, top, right, bottom);
		}

	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	WebDriverWait waiting() {
		return wait;
	}

}
