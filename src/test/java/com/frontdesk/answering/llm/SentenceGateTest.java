package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The gate releases a streamed answer sentence by sentence, renumbered, stops at the first bad sentence, and never
 * releases the emergency marker, wherever it comes.
 */
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
	void releasesNothingAfterTheFirstSentenceThatFailsTheGuard() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("The scar is small [1]. It heals in 6 weeks [1]. ");
		gate.accept("More text [1]. ");

		assertThat(released).containsExactly("The scar is small [1]. ");
		SentenceGate.Result result = gate.finish();
		assertThat(result.violation()).contains("number not in the passages");
		assertThat(result.raised()).isEmpty();
	}

	@Test
	void aMarkerOnTheFirstLineRaisesTheTurnAndNothingIsReleased() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		assertThat(gate.accept("**EMER")).isTrue();
		assertThat(gate.accept("GENCY**")).isTrue();

		assertThat(gate.accept("\nThe scar is small [1]. ")).as("no need to hear more").isFalse();
		assertThat(released).isEmpty();
		assertThat(gate.finish().raised()).hasValueSatisfying(raised -> assertThat(raised.selfHarm()).isFalse());
	}

	@Test
	void aMarkerAfterReleasedSentencesRaisesTheTurnAndIsNeverReleased() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("The scar is small [1]. ");
		gate.accept("It fades [1].\nEmergency: ");
		gate.accept("self-harm. Please call [1]. ");

		assertThat(released).containsExactly("The scar is small [1]. ", "It fades [1].\n");
		SentenceGate.Result result = gate.finish();
		assertThat(result.raised()).hasValueSatisfying(raised -> assertThat(raised.selfHarm()).isTrue());
		assertThat(result.text()).isEmpty();
	}

	@Test
	void aMarkerAfterASentenceThatFailsTheGuardStillRaisesTheTurn() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("It heals in 6 weeks [1]. ");

		assertThat(gate.accept("\nEMERGENCY\n")).isFalse();
		assertThat(gate.finish().raised()).isPresent();
		assertThat(released).isEmpty();
	}

	@Test
	void aMarkerOnTheLastLineOfAnAnswerCutOffCountsWithoutReleasingAnything() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("EMERGENCY: self-harm");

		assertThat(gate.raised()).hasValueSatisfying(raised -> assertThat(raised.selfHarm()).isTrue());
		assertThat(released).isEmpty();
	}

	@Test
	void aSentenceThatOnlyStartsWithTheWordIsHeldUntilItsLineEndsThenReleased() {
		SentenceGate gate = new SentenceGate(guard, numbers, 2, released::add);
		gate.accept("Emergency surgery is rare [1]. ");
		assertThat(released).isEmpty();

		gate.accept("It is planned [1].\nThe scar is small [1]. ");

		assertThat(released).containsExactly("Emergency surgery is rare [1]. ", "It is planned [1].\n",
				"The scar is small [1]. ");
		SentenceGate.Result result = gate.finish();
		assertThat(result.raised()).isEmpty();
		assertThat(result.violation()).isEmpty();
	}

	@Test
	void recognisesNotCoveredAndUncitedAnswers() {
		SentenceGate notCovered = new SentenceGate(guard, numbers, 2, released::add);
		notCovered.accept("NOT_");
		notCovered.accept("COVERED");
		assertThat(notCovered.finish().notCovered()).isTrue();

		SentenceGate raisedAtTheEnd = new SentenceGate(guard, numbers, 2, released::add);
		raisedAtTheEnd.accept("NOT_COVERED\nEMERGENCY");
		assertThat(raisedAtTheEnd.finish()).satisfies(result -> {
			assertThat(result.raised()).as("raising wins over not covered").isPresent();
			assertThat(result.notCovered()).isFalse();
		});

		SentenceGate uncited = new SentenceGate(guard, numbers, 2, released::add);
		uncited.accept("The scar is small. ");
		assertThat(uncited.finish().violation()).contains("no citation");

		SentenceGate invented = new SentenceGate(guard, numbers, 2, released::add);
		invented.accept("The scar is small [5]. ");
		assertThat(invented.finish().violation()).contains("cites a passage that was not given");
	}

}
