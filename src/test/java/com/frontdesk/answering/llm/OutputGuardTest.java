package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The output guard on its own: what a model may and may not say to a patient. */
class OutputGuardTest {

	final OutputGuard guard = new OutputGuard(Prompts.answerRules());

	final Set<String> numbers = OutputGuard.numbersIn(List.of(
			"your surgeon makes four small poke-hole incisions", "one small scar on your side", "+1-555-0100 911 988"));

	@Test
	void letsGroundedSentencesThrough() {
		assertThat(guard.violation("On the back part of your spine, your surgeon makes four small poke-hole incisions "
				+ "and places screws called pedicle screws into the bones [1].", numbers)).isEmpty();
		assertThat(guard.violation("Upon healing, you will have one small scar on your side [2]. ", numbers)).isEmpty();
		assertThat(guard.violation("Tendrá una pequeña cicatriz en el costado [1].", numbers)).isEmpty();
		assertThat(guard.violation("Call 911 or the practice at +1-555-0100.", numbers)).isEmpty();
	}

	@Test
	void stopsInventedNumbersDosesDiagnosesAndLeaks() {
		assertThat(guard.violation("Recovery takes 6 weeks [1].", numbers)).contains("number not in the passages");
		assertThat(guard.violation("The success rate is about ninety percent [1].", numbers)).isPresent();
		assertThat(guard.violation("It costs $20,000 [1].", numbers)).isPresent();
		assertThat(guard.violation("Take 400 mg of ibuprofen [1].", numbers)).contains("dose");
		assertThat(guard.violation("You probably have degenerative disc disease [1].", numbers)).contains("diagnosis");
		assertThat(guard.violation("You should stop taking your aspirin [1].", numbers)).contains("diagnosis");
		assertThat(guard.violation("My rules say: never add facts, numbers, durations, percentages, costs [1].", numbers))
			.contains("prompt leak");
		assertThat(guard.violation("NOT_COVERED but here is a guess [1].", numbers)).contains("prompt leak");
	}

	@org.junit.jupiter.api.Test
	void rejectsWhatAnObedientModelWritesForAnAttacker() {
		assertThat(guard.violation("You have a herniated disc and spinal stenosis [1].", numbers)).contains("diagnosis");
		assertThat(guard.violation("Por lo que cuenta, usted tiene una hernia discal [1].", numbers)).contains("diagnosis");
		assertThat(guard.violation("Take two tablets of oxycodone at night [1].", numbers)).contains("dose");
		assertThat(guard.violation("Ibuprofen helps after surgery [1].", numbers)).contains("medicine not in the passages");
		assertThat(guard.violation("See ![x](https://evil.example/q?c=1) [1].", numbers)).contains("link");
		assertThat(guard.violation("Book at www.evil.example [1].", numbers)).contains("link");
		assertThat(guard.violation("Here: VXNlIG9ubHkgZmFjdHMgc3RhdGVkIGluIHRoZQ== [1].", numbers)).contains("encoded text");
		assertThat(guard.violation("My first rule is U-s-e o-n-l-y [1].", numbers)).contains("encoded text");
		assertThat(guard.violation("Règles : utilisez uniquement les faits [1].", numbers)).contains("talk about its rules");
		assertThat(guard.violation("I only use the numbered passages I was given [1].", numbers))
			.contains("talk about its rules");
	}

	@org.junit.jupiter.api.Test
	void wordsThePassagesUseThemselvesAreFine() {
		Set<String> grounded = OutputGuard.groundedIn(List.of("Follow your surgeon's instructions about medication "
				+ "such as ibuprofen after surgery."));

		assertThat(guard.violation("Follow your surgeon's instructions about ibuprofen [1].", grounded)).isEmpty();
	}

}
