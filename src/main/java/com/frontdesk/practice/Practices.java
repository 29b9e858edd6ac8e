package com.frontdesk.practice;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every practice this deployment serves, by id: the default practice (from {@code frontdesk.practice.*} and
 * {@code frontdesk.knowledge.dir}) and each of {@code frontdesk.practices}. A practice's id, messaging accounts and
 * knowledge folder are its own: two practices with the same id, account or folder stop the start.
 */
@Component
public class Practices {

	private final Map<PracticeId, Practice> byId;

	private final Map<String, Practice> byAccount;

	private final List<Practice> ordered;

	private final Map<PracticeId, OpeningHours> hours;

	public Practices(PracticeProfile defaultProfile, PracticesProperties properties, Clock clock) {
		Map<PracticeId, Practice> practices = new LinkedHashMap<>();
		practices.put(PracticeId.DEFAULT,
				new Practice(PracticeId.DEFAULT, defaultProfile, Optional.empty(), List.of(), Map.of()));
		for (PracticesProperties.Entry entry : properties.practices()) {
			Practice practice = practice(entry);
			if (practices.putIfAbsent(practice.id(), practice) != null) {
				throw new IllegalArgumentException("frontdesk.practices: the id '" + practice.id()
						+ "' is used twice (the default practice's id is 'default')");
			}
		}
		this.byId = Map.copyOf(practices);
		this.byAccount = accounts(practices.values());
		this.ordered = List.copyOf(practices.values());
		folders(ordered);
		Map<PracticeId, OpeningHours> opening = new HashMap<>();
		ordered.forEach(practice -> opening.put(practice.id(), new OpeningHours(practice.profile(), clock)));
		this.hours = Map.copyOf(opening);
	}

	/** The default practice first, then the others in the order they are set. */
	public List<Practice> all() {
		return ordered;
	}

	public Practice defaultPractice() {
		return byId.get(PracticeId.DEFAULT);
	}

	public Optional<Practice> find(PracticeId id) {
		return Optional.ofNullable(byId.get(id));
	}

	/**
	 * The practice of that id.
	 * @throws UnknownPractice when this deployment serves no practice of that id
	 */
	public Practice get(PracticeId id) {
		Practice practice = byId.get(id);
		if (practice == null) {
			throw new UnknownPractice();
		}
		return practice;
	}

	/** When that practice's office is open, in its own time zone. */
	public OpeningHours hours(PracticeId id) {
		OpeningHours opening = hours.get(id);
		if (opening == null) {
			throw new UnknownPractice();
		}
		return opening;
	}

	/** The practice whose account on a messaging platform that is, if one is set up with it. */
	public Optional<Practice> byChannelAccount(String platform, String account) {
		return Optional.ofNullable(byAccount.get(platform + "\n" + account));
	}

	/**
	 * Which practice a request from a web page is for: the one its widget names ({@code data-practice} on the script
	 * tag, sent as {@code practice}), else the one whose allowed origins the page is served on, else the default
	 * practice. A named practice this deployment does not serve is refused, never swapped for another.
	 * @param named the practice the widget names, or null
	 * @param origin the request's {@code Origin} header, or null
	 * @throws UnknownPractice when the named practice is not served here
	 * @throws InvalidPracticeId when the name is not a practice id
	 */
	public Practice forPage(String named, String origin) {
		if (named != null && !named.isBlank()) {
			return get(PracticeId.parse(named));
		}
		if (origin == null || origin.isBlank()) {
			return defaultPractice();
		}
		String page = normalizedOrigin(origin);
		return ordered.stream()
			.filter(practice -> practice.allowedOrigins().stream().map(Practices::normalizedOrigin).anyMatch(page::equals))
			.findFirst()
			.orElseGet(this::defaultPractice);
	}

	private static String normalizedOrigin(String origin) {
		String trimmed = origin.strip().toLowerCase(java.util.Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/** Whether more than the default practice is served. */
	public boolean several() {
		return ordered.size() > 1;
	}

	private static Practice practice(PracticesProperties.Entry entry) {
		PracticeId id;
		try {
			id = PracticeId.parse(entry.id());
		}
		catch (InvalidPracticeId ex) {
			throw new IllegalArgumentException("frontdesk.practices: '" + entry.id() + "' is not a practice id: "
					+ ex.getMessage(), ex);
		}
		if (entry.knowledgeDir() == null) {
			throw new IllegalArgumentException("frontdesk.practices: the practice '" + id + "' needs a knowledge-dir");
		}
		return new Practice(id, entry.profile(), Optional.of(entry.knowledgeDir()),
				entry.allowedOrigins() == null ? List.of() : entry.allowedOrigins(),
				orEmpty(entry.channels()), orEmpty(entry.texts()), orEmpty(entry.textsEs()));
	}

	private static Map<String, String> orEmpty(Map<String, String> settings) {
		return settings == null ? Map.of() : settings;
	}

	private static void folders(List<Practice> practices) {
		Map<Path, PracticeId> folders = new HashMap<>();
		for (Practice practice : practices) {
			practice.knowledgeDir().map(dir -> dir.toAbsolutePath().normalize()).ifPresent(dir -> {
				PracticeId other = folders.putIfAbsent(dir, practice.id());
				if (other != null) {
					throw new IllegalArgumentException("frontdesk.practices: '" + other + "' and '" + practice.id()
							+ "' have the same knowledge-dir; each practice's content is its own");
				}
			});
		}
	}

	private static Map<String, Practice> accounts(Collection<Practice> practices) {
		Map<String, Practice> accounts = new HashMap<>();
		for (Practice practice : practices) {
			practice.channelAccounts().forEach((platform, account) -> {
				Practice other = accounts.putIfAbsent(platform + "\n" + account, practice);
				if (other != null) {
					throw new IllegalArgumentException("frontdesk.practices: the " + platform + " account '" + account
							+ "' belongs to both '" + other.id() + "' and '" + practice.id() + "'");
				}
			});
		}
		return Map.copyOf(accounts);
	}

}
