package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.frontdesk.practice.PracticeId;

/** Checks that a channel's required settings are filled in. */
public final class Settings {

	private Settings() {
	}

	/**
	 * @param prefix what the names start with ({@code frontdesk.channels.sms.})
	 * @param namesAndValues setting name, value, name, value...
	 * @return the full names whose value is missing or blank
	 */
	public static List<String> missing(String prefix, String... namesAndValues) {
		List<String> missing = new ArrayList<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
				missing.add(prefix + namesAndValues[i]);
			}
		}
		return missing;
	}

	/**
	 * The settings the practices' accounts on a channel lack, by their full names.
	 * @param namesAndValues an account's setting names and values, name, value, name, value...
	 */
	public static <A> List<String> missing(Collection<A> accounts, String channel, Function<A, PracticeId> practice,
			Function<A, String[]> namesAndValues) {
		return accounts.stream()
			.flatMap(account -> missing(prefix(practice.apply(account), channel), namesAndValues.apply(account)).stream())
			.toList();
	}

	/**
	 * Where a practice's settings of a channel are: {@code frontdesk.channels.<channel>.} for the default practice,
	 * {@code frontdesk.practices[<id>].<channel>.} for the others.
	 */
	public static String prefix(PracticeId practice, String channel) {
		return practice.isDefault() ? "frontdesk.channels." + channel + "." : "frontdesk.practices[" + practice + "]."
				+ channel + ".";
	}

	/**
	 * A further practice's settings of one channel, from the entries of {@code frontdesk.practices[n]} that channel
	 * binds ({@code frontdesk.practices[n].<channel>.*}); empty when the practice has none.
	 */
	public static <E, C> Optional<C> ofPractice(List<E> entries, Function<E, String> id, Function<E, C> settings,
			PracticeId practice) {
		return entries.stream()
			.filter(entry -> id.apply(entry) != null && PracticeId.parse(id.apply(entry)).equals(practice))
			.map(settings)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** The practice's own value, else the default practice's (a setting several practices may share). */
	public static String orDefault(String own, String fallback) {
		return own == null || own.isBlank() ? fallback : own;
	}

}
