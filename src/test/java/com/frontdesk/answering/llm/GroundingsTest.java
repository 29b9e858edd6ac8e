package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guard's grounding, found once per passage: the same answer on every turn, and never stale after an edit. */
class GroundingsTest {

	final Groundings groundings = new Groundings();

	final List<String> passages = List.of("Most patients go home after one or two days.",
			"Follow your surgeon's instructions about medication such as ibuprofen.", "Call 911 or +1-555-0100.");

	@Test
	void groundsWhatThePassagesSayAsTheGuardDoesOnEveryTurn() {
		assertThat(groundings.of(passages)).isEqualTo(OutputGuard.groundedIn(passages))
			.contains("1", "2", "911", "instructions", "ibuprofen");
		assertThat(groundings.of(passages)).isEqualTo(OutputGuard.groundedIn(passages));
		assertThat(groundings.of(List.of(passages.get(0)))).doesNotContain("911", "ibuprofen");
	}

	@Test
	void anEditedPassageGroundsItsNewNumbersAndNoLongerItsOldOnes() {
		assertThat(groundings.of(List.of("Most patients go home after one or two days."))).contains("2");

		assertThat(groundings.of(List.of("Most patients go home after three days."))).contains("3").doesNotContain("2");
	}

	@Test
	void remembersAtMostABoundedNumberOfPassages() {
		List<String> many = new ArrayList<>();
		for (int i = 0; i < Groundings.MAX_TEXTS + 100; i++) {
			many.add("Passage " + i + " says " + i + " things.");
		}

		assertThat(groundings.of(many)).contains("0", String.valueOf(Groundings.MAX_TEXTS + 99));
		assertThat(groundings.size()).isLessThanOrEqualTo(Groundings.MAX_TEXTS);
	}

}
