package com.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * The headless Chromium of the Debian packages {@code chromium} and {@code chromium-driver} (which {@code .ci/run}
 * installs), driven through an explicit {@link ChromeDriverService}, so Selenium Manager never looks for or downloads
 * a browser or driver.
 */
public final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static Path profile;

	private Chromium() {
	}

	public static boolean installed() {
		return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
	}

	/**
	 * Starts the browser for a test class, or skips the class where Chromium is not installed; in CI (and
	 * {@code .ci/run}) a missing browser is a failure, never a silent skip.
	 */
	public static ChromeDriver startOrSkip() {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(installed()).as("CI needs /usr/bin/chromium and /usr/bin/chromedriver").isTrue();
		}
		assumeTrue(installed(), "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		return start();
	}

	public static ChromeDriver start() {
		SELENIUM_LOG.setLevel(Level.SEVERE); // no "CDP version not found" warnings: the tests need no CDP bindings
		try {
			profile = Files.createTempDirectory("frontdesk-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(java.io.OutputStream.nullOutputStream())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--no-default-browser-check", "--disable-extensions", "--password-store=basic", "--lang=en-US",
				"--window-size=1280,800", "--user-data-dir=" + profile);
		org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
		logs.enable(org.openqa.selenium.logging.LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
		return driver;
	}

	public static void stop(ChromeDriver driver) {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}

	public static File screenshotsDir() {
		File dir = new File(System.getProperty("widget.screenshots", "target/widget-screenshots"));
		dir.mkdirs();
		return dir;
	}

}
