package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.frontdesk.practice.PracticeId;

/** Which practice a message is for, by the account it was sent to. */
class PracticeAccountsTest {

	static final PracticeId NORTHSIDE = new PracticeId("northside");

	@Test
	void eachAccountIdIsItsPracticesAndAnUnknownOneIsNobodys() {
		PracticeAccounts<String> accounts = accounts(Map.of(PracticeId.DEFAULT, "100", NORTHSIDE, "200"));

		assertThat(accounts.practiceOf("100")).contains(PracticeId.DEFAULT);
		assertThat(accounts.practiceOf(" 200 ")).contains(NORTHSIDE);
		assertThat(accounts.practiceOf("300")).isEmpty();
		assertThat(accounts.practiceOf(null)).isEmpty();
	}

	@Test
	void aDefaultPracticeWithoutAnAccountIdTakesEveryAccountOnlyWhileItIsAloneOnThePlatform() {
		PracticeAccounts<String> alone = accounts(Map.of(PracticeId.DEFAULT, ""));
		PracticeAccounts<String> withNorthside = accounts(Map.of(PracticeId.DEFAULT, "", NORTHSIDE, "200"));

		assertThat(alone.practiceOf("any page")).contains(PracticeId.DEFAULT);
		assertThat(withNorthside.practiceOf("200")).contains(NORTHSIDE);
		assertThat(withNorthside.practiceOf("any page")).as("never given to the default practice by mistake").isEmpty();
		assertThat(alone.defaultLacksItsAccountId()).isFalse();
		assertThat(withNorthside.defaultLacksItsAccountId()).as("a missing setting the start-up names").isTrue();
		assertThat(accounts(Map.of(PracticeId.DEFAULT, "100", NORTHSIDE, "200")).defaultLacksItsAccountId()).isFalse();
	}

	@Test
	void anAccountBelongsToOnePractice() {
		assertThatThrownBy(() -> accounts(Map.of(PracticeId.DEFAULT, "100", NORTHSIDE, "100")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("belongs to both");
	}

	@Test
	void sendingForAPracticeWithoutAnAccountFailsForGood() {
		assertThatThrownBy(() -> accounts(Map.of(PracticeId.DEFAULT, "100")).require(NORTHSIDE))
			.isInstanceOfSatisfying(SendFailed.class, failed -> assertThat(failed.retryable()).isFalse());
	}

	private static PracticeAccounts<String> accounts(Map<PracticeId, String> ids) {
		Map<PracticeId, String> ordered = new LinkedHashMap<>();
		ordered.put(PracticeId.DEFAULT, ids.get(PracticeId.DEFAULT));
		ids.forEach(ordered::putIfAbsent);
		return new PracticeAccounts<>("test", ordered, id -> id);
	}

}
