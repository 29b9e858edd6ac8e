package com.frontdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** axe-core's accessibility check of the page in the browser: WCAG 2.0 to 2.2 A and AA, and best practices. */
public final class Axe {

	private Axe() {
	}

	/** Fails with every serious or critical violation on the page, named with its elements. */
	public static void assertNoSeriousViolations(WebDriver driver, String what) {
		Results results = new AxeBuilder()
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
			.analyze(driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious).as(() -> what + ": " + serious.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
					+ rule.getNodes().stream().map(n -> n.getFailureSummary()).collect(Collectors.joining(" | ")))
			.collect(Collectors.joining("\n"))).isEmpty();
	}

}
