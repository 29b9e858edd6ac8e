package com.frontdesk.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WordFeaturesTest {

	@Test
	void aMisspeltWordSharesManyOfItsPiecesWithTheWordMeant() {
		assertThat(shared("bladder", "blader")).isGreaterThan(0.4);
		assertThat(shared("bladder", "blader")).isGreaterThan(2 * shared("bladder", "border"));
	}

	@Test
	void theSameMessageAlwaysGivesTheSameSlotsWhateverItsCaseAccentsOrApostrophes() {
		assertThat(WordFeatures.of("No puedo ORINAR desde ayer")).containsExactly(WordFeatures.of("no puedo orinar desde ayer"));
		assertThat(WordFeatures.of("I can’t pee")).containsExactly(WordFeatures.of("i cant pee"));
		assertThat(WordFeatures.of("no puedo orinar")).containsExactly(WordFeatures.of("no puedo orinár"));
	}

	@Test
	void aWordAfterANegationIsReadDifferentlyFromTheSameWordAffirmed() {
		assertThat(WordFeatures.of("no fever")).isNotEqualTo(WordFeatures.of("fever"));
		assertThat(Arrays.stream(WordFeatures.of("no fever")).boxed().toList())
			.containsAll(Arrays.stream(WordFeatures.of("fever")).boxed().toList());
	}

	@Test
	void everyNumberIsOneWord() {
		assertThat(WordFeatures.words("pain 10 out of 10")).containsExactly("pain", "0", "out", "of", "0");
	}

	private static double shared(String a, String b) {
		int[] x = WordFeatures.of(a);
		int[] y = WordFeatures.of(b);
		long common = Arrays.stream(x).filter(i -> Arrays.binarySearch(y, i) >= 0).count();
		return (double) common / Math.max(x.length, y.length);
	}

}
