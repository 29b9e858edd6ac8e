package com.frontdesk.practice;

import java.nio.file.Path;
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

	public Practices(PracticeProfile defaultProfile, PracticesProperties properties) {
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

	/** The practice whose account on a messaging platform that is, if one is set up with it. */
	public Optional<Practice> byChannelAccount(String platform, String account) {
		return Optional.ofNullable(byAccount.get(platform + "\n" + account));
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
				entry.channels() == null ? Map.of() : entry.channels());
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
