package com.frontdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MessageFeaturesTest {

	@Test
	void aMisspeltWordSharesManyOfItsPiecesWithTheWordMeant() {
		assertThat(shared("bladder", "blader")).isGreaterThan(0.4);
		assertThat(shared("bladder", "blader")).isGreaterThan(2 * shared("bladder", "border"));
	}

	@Test
	void theSameMessageAlwaysGivesTheSameSlotsWhateverItsCaseAccentsOrApostrophes() {
		assertThat(MessageFeatures.of("No puedo ORINAR desde ayer")).containsExactly(MessageFeatures.of("no puedo orinar desde ayer"));
		assertThat(MessageFeatures.of("I can’t pee")).containsExactly(MessageFeatures.of("i cant pee"));
		assertThat(MessageFeatures.of("no puedo orinar")).containsExactly(MessageFeatures.of("no puedo orinár"));
	}

	@Test
	void aWordAfterANegationIsReadDifferentlyFromTheSameWordAffirmed() {
		assertThat(MessageFeatures.of("no fever")).isNotEqualTo(MessageFeatures.of("fever"));
		assertThat(Arrays.stream(MessageFeatures.of("no fever")).boxed().toList())
			.containsAll(Arrays.stream(MessageFeatures.of("fever")).boxed().toList());
	}

	@Test
	void everyNumberIsOneWord() {
		assertThat(MessageFeatures.words("pain 10 out of 10")).containsExactly("pain", "0", "out", "of", "0");
	}

	private static double shared(String a, String b) {
		int[] x = MessageFeatures.of(a);
		int[] y = MessageFeatures.of(b);
		long common = Arrays.stream(x).filter(i -> Arrays.binarySearch(y, i) >= 0).count();
		return (double) common / Math.max(x.length, y.length);
	}

}
