package com.frontdesk.channels.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.frontdesk.practice.PracticeId;

/**
 * The accounts of one messaging platform, at most one a practice, with the settings to receive and send on each; and
 * which practice an inbound message is for, by the platform's id of the account it was sent to (WhatsApp's
 * phone-number id, a Messenger page id, a Twilio number).
 * <p>
 * The default practice's account is the one of {@code frontdesk.channels.<platform>.*}. When its account id is not
 * set there (Messenger's {@code page-id}, optional since one page was all there was), it takes the messages to any
 * account, as before, but only while no other practice has an account on the platform: with several, a message to an
 * account nobody set up is dropped, never given to the default practice.
 *
 * @param <A> the platform's account settings
 */
public final class PracticeAccounts<A> {

	private final String platform;

	private final Map<PracticeId, A> byPractice;

	private final Map<String, PracticeId> byAccountId;

	private final boolean defaultTakesAny;

	/**
	 * @param accounts the account of each practice on the platform, the default practice's first
	 * @param accountId the platform's id of an account (null when not set)
	 */
	public PracticeAccounts(String platform, Map<PracticeId, A> accounts, Function<A, String> accountId) {
		this.platform = platform;
		this.byPractice = new LinkedHashMap<>(accounts);
		Map<String, PracticeId> ids = new HashMap<>();
		accounts.forEach((practice, account) -> {
			String id = accountId.apply(account);
			if (id != null && !id.isBlank()) {
				PracticeId other = ids.putIfAbsent(id.strip(), practice);
				if (other != null && !other.equals(practice)) {
					throw new IllegalArgumentException("The " + platform + " account '" + id + "' belongs to both '"
							+ other + "' and '" + practice + "'");
				}
			}
		});
		this.byAccountId = Map.copyOf(ids);
		A own = accounts.get(PracticeId.DEFAULT);
		this.defaultTakesAny = own != null && blank(accountId.apply(own)) && accounts.size() == 1;
	}

	/** The practice whose account that is; empty when it is no practice's. */
	public Optional<PracticeId> practiceOf(String accountId) {
		if (accountId != null && byAccountId.containsKey(accountId.strip())) {
			return Optional.of(byAccountId.get(accountId.strip()));
		}
		return defaultTakesAny ? Optional.of(PracticeId.DEFAULT) : Optional.empty();
	}

	/**
	 * Whether the default practice has an account here without its account id while another practice has one too: its
	 * messages are then no practice's and are dropped, so the id is a missing setting.
	 */
	public boolean defaultLacksItsAccountId() {
		return byPractice.containsKey(PracticeId.DEFAULT) && !defaultTakesAny
				&& !byAccountId.containsValue(PracticeId.DEFAULT);
	}

	/** That practice's account, if it has one on the platform. */
	public Optional<A> of(PracticeId practice) {
		return Optional.ofNullable(byPractice.get(practice));
	}

	/**
	 * That practice's account.
	 * @throws SendFailed (not retryable) when it has none on the platform
	 */
	public A require(PracticeId practice) {
		return of(practice).orElseThrow(() -> new SendFailed("the practice '" + practice + "' has no " + platform
				+ " account", false, null));
	}

	public Collection<A> all() {
		return byPractice.values();
	}

	public Map<PracticeId, A> byPractice() {
		return Map.copyOf(byPractice);
	}

	/** The distinct values of one setting over all accounts, blanks left out (the secrets a signature may be made with). */
	public List<String> distinct(Function<A, String> setting) {
		return byPractice.values().stream().map(setting).filter(value -> !blank(value)).distinct().toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
