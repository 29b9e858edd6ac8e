package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The gate releases a streamed answer sentence by sentence, renumbered, and stops at the first bad sentence. */
class SentenceGateTest {

	final OutputGuard guard = new OutputGuard(Prompts.answerRules());

	final Set<String> numbers = OutputGuard.numbersIn(List.of("four small poke-hole incisions", "one small scar"));

	final List<String> released = new ArrayList<>();

	@Test
	void releasesWholeSentencesWordByWordWithCitationsRenumbered() {
		SentenceGate gate = new SentenceGate(guard, numbers, 3, released::add);
		for (String word : "Your surgeon makes four small poke-hole incisions [3]. The scar is small [1][3]. Done [3]"
			.split("(?<= )")) {
			assertThat(gate.accept(word)).isTrue();
		}

		SentenceGate.Result result = gate.finish();

		assertThat(released).containsExactly("Your surgeon makes four small poke-hole incisions [1]. ",
				"The scar is small [2][1]. ", "Done [1]");
		assertThat(result.text()).isEqualTo("Your surgeon makes four small poke-hole incisions [1]. The scar is small [2][1]. Done [1]");
		assertThat(result.cited()).containsExactly(3, 1);
		assertThat(result.violation()).isEmpty();
	}

	@Test
	void stopsAtTheFirstSentenceThatFailsTheGuard() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("The scar is small [1]. It heals in 6 weeks [1]. ");

		assertThat(gate.accept("More text [1]. ")).isFalse();
		assertThat(released).containsExactly("The scar is small [1]. ");
		assertThat(gate.finish().violation()).contains("number not in the passages");
	}

	@Test
	void recognisesNotCoveredAndUncitedAnswers() {
		SentenceGate notCovered = new SentenceGate(guard, numbers, 2, released::add);
		notCovered.accept("NOT_");
		notCovered.accept("COVERED");
		assertThat(notCovered.finish().notCovered()).isTrue();

		SentenceGate uncited = new SentenceGate(guard, numbers, 2, released::add);
		uncited.accept("The scar is small. ");
		assertThat(uncited.finish().violation()).contains("no citation");

		SentenceGate invented = new SentenceGate(guard, numbers, 2, released::add);
		invented.accept("The scar is small [5]. ");
		assertThat(invented.finish().violation()).contains("cites a passage that was not given");
	}

}
