package com.frontdesk.channels.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.practice.PracticeId;

/** What the start-up says Messenger lacks, so no practice's page is silently unanswered. */
class MessengerMissingSettingsTest {

	static final PracticeId NORTHSIDE = new PracticeId("northside");

	static final MessengerProperties ENABLED = new MessengerProperties(true, "secret", "token", "page-token", null,
			"https://graph.facebook.com/v23.0");

	@Test
	void oneCompletePageNeedsNoPageId() {
		assertThat(channel(page(PracticeId.DEFAULT, null)).missingSettings()).isEmpty();
	}

	@Test
	void theDefaultPracticesPageIdIsMissingOnceAnotherPracticeHasAPage() {
		MessengerChannel channel = channel(page(PracticeId.DEFAULT, null), page(NORTHSIDE, "200"));

		assertThat(channel.missingSettings()).containsExactly("frontdesk.channels.messenger.page-id");
	}

	@Test
	void aPageWithoutItsAccessTokenIsNamedByItsPractice() {
		MessengerChannel channel = channel(page(PracticeId.DEFAULT, "100"),
				new MessengerAccount(NORTHSIDE, "200", null, "secret", "token"));

		assertThat(channel.missingSettings()).containsExactly("frontdesk.practices[northside].messenger.page-access-token");
	}

	private static MessengerAccount page(PracticeId practice, String pageId) {
		return new MessengerAccount(practice, pageId, "page-token", "secret", "token");
	}

	private static MessengerChannel channel(MessengerAccount... pages) {
		Map<PracticeId, MessengerAccount> accounts = new LinkedHashMap<>();
		for (MessengerAccount page : pages) {
			accounts.put(page.practice(), page);
		}
		return new MessengerChannel(ENABLED, new PracticeAccounts<>("messenger", accounts, MessengerAccount::pageId),
				null);
	}

}
