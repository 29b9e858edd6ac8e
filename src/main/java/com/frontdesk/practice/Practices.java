package com.frontdesk.practice;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every practice this deployment serves, by id: the default practice (from {@code frontdesk.practice.*} and
 * {@code frontdesk.knowledge.dir}), each of {@code frontdesk.practices}, and those the deployment's operator created at
 * run time ({@link #create}, kept in the database every instance shares and read again at each heartbeat,
 * {@link #refresh}). A practice's id, messaging accounts and knowledge folder are its own: two practices in settings
 * with the same id, account or folder stop the start; a created one never takes another's id or folder.
 * <p>
 * The one owner of the set of practices: it only grows, and each practice added while the deployment runs is
 * announced with {@link PracticeAdded} once it is served, so that what is kept per practice (its index, its folder
 * watch) is made for it. Readers see one consistent set per call.
 */
@Component
public class Practices {

	private static final Logger log = LoggerFactory.getLogger(Practices.class);

	/** The practices served, as one value replaced whole when a practice is added. */
	private record Served(Map<PracticeId, Practice> byId, Map<String, Practice> byAccount, List<Practice> ordered,
			Map<PracticeId, OpeningHours> hours, Set<PracticeId> created) {

		static Served of(List<Practice> ordered, Set<PracticeId> created, Clock clock) {
			Map<PracticeId, Practice> byId = new LinkedHashMap<>();
			Map<PracticeId, OpeningHours> hours = new HashMap<>();
			for (Practice practice : ordered) {
				byId.put(practice.id(), practice);
				hours.put(practice.id(), new OpeningHours(practice.profile(), clock));
			}
			return new Served(Map.copyOf(byId), accounts(ordered), List.copyOf(ordered), Map.copyOf(hours),
					Set.copyOf(created));
		}

		/** The same practices, one replaced by its changed self. */
		Served replacing(Practice practice, Clock clock) {
			return of(ordered.stream().map(p -> p.id().equals(practice.id()) ? practice : p).toList(), created, clock);
		}

		Served with(Practice practice, Clock clock) {
			List<Practice> more = new ArrayList<>(ordered);
			more.add(practice);
			Set<PracticeId> moreCreated = new HashSet<>(created);
			moreCreated.add(practice.id());
			return of(more, moreCreated, clock);
		}

	}

	private volatile Served served;

	private final Clock clock;

	/** The created practices' rows; null where there is no database (unit tests). */
	private final PracticeStore store;

	private final ObjectProvider<PracticeFolders> folders;

	private final ApplicationEventPublisher events;

	/** When each created practice served here was last changed, as its row says. */
	private final Map<PracticeId, Instant> changedAt = new ConcurrentHashMap<>();

	/** Rows that cannot be served (their id, folder or an origin is a settings practice's): warned about once. */
	private final Set<PracticeId> refused = ConcurrentHashMap.newKeySet();

	/** The practices of settings alone. */
	public Practices(PracticeProfile defaultProfile, PracticesProperties properties, Clock clock) {
		this(defaultProfile, properties, clock, null, null, null);
	}

	@Autowired
	Practices(PracticeProfile defaultProfile, PracticesProperties properties, Clock clock, JdbcClient jdbc,
			ObjectProvider<PracticeFolders> folders, ApplicationEventPublisher events) {
		this.clock = clock;
		this.store = jdbc == null ? null : new PracticeStore(jdbc);
		this.folders = folders;
		this.events = events;
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
		List<Practice> ordered = new ArrayList<>(practices.values());
		folders(ordered);
		Set<PracticeId> created = new HashSet<>();
		if (store != null) {
			for (PracticeStore.Row row : store.all()) {
				if (servable(row.practice(), ordered)) {
					ordered.add(row.practice());
					created.add(row.practice().id());
					changedAt.put(row.practice().id(), row.updatedAt());
				}
			}
		}
		this.served = Served.of(ordered, created, clock);
	}

	/**
	 * Creates a practice and serves it from now on, on this instance at once (when the transaction around this
	 * commits, if there is one) and on the others at their next heartbeat.
	 * @param form the practice as the operator sent it
	 * @param createdBy the operator's account, for the record
	 * @throws InvalidPractice naming each field that is missing or wrong
	 * @throws PracticeConflict when its id or knowledge folder is another practice's
	 */
	public Practice create(PracticeForm form, String createdBy) {
		if (store == null) {
			throw new IllegalStateException("Practices are created in the database, and there is none");
		}
		Practice practice = form.practice();
		Instant now = clock.instant();
		refresh();
		synchronized (this) {
			conflict(practice, served.ordered()).ifPresent(conflict -> {
				throw conflict;
			});
			try {
				store.insert(practice, createdBy, now);
			}
			catch (DuplicateKeyException ex) {
				throw new PracticeConflict("id", "The id '" + practice.id() + "' is another practice's already.");
			}
		}
		afterCommit(() -> {
			changedAt.putIfAbsent(practice.id(), now);
			add(practice);
		});
		return practice;
	}

	/** Serves the practices created on other instances since the last look (run at every heartbeat). */
	public void refresh() {
		if (store == null) {
			return;
		}
		for (PracticeStore.Row row : store.all()) {
			Practice practice = row.practice();
			if (!served.byId().containsKey(practice.id())) {
				if (servable(practice, served.ordered())) {
					changedAt.put(practice.id(), row.updatedAt());
					add(practice);
				}
			}
			else if (created(practice.id()) && replace(practice, row.updatedAt())) {
				log.info("Serving the practice '{}' as changed on another instance", practice.id());
			}
		}
	}

	/**
	 * Changes a created practice's profile and allowed origins (its id and knowledge folder stay), here at once (when
	 * the transaction around this commits, if there is one) and on the other instances at their next heartbeat.
	 * @param profile the profile fields to change; a field not given (null) stays as it is
	 * @param allowedOrigins the origins that replace its origins; null: they stay
	 * @throws UnknownPractice when no practice of that id is served
	 * @throws PracticeConflict when the practice is one of settings (changed there)
	 * @throws InvalidPractice naming each field that is wrong
	 */
	public Practice change(PracticeId id, PracticeForm.Profile profile, List<String> allowedOrigins,
			String changedBy) {
		Practice existing = get(id);
		if (!created(id) || store == null) {
			throw new PracticeConflict("id", "The practice '" + id + "' is set in the deployment's settings: change "
					+ "it there.");
		}
		Practice changed = PracticeForm.of(existing).with(profile, allowedOrigins).changing(existing);
		originConflict(changed, served.ordered()).ifPresent(conflict -> {
			throw conflict;
		});
		Instant now = clock.instant();
		store.update(changed, changedBy, now);
		afterCommit(() -> replace(changed, now));
		return changed;
	}

	/**
	 * A served practice as the form that changes it ({@link #change}): its profile and origins as they are.
	 * @throws UnknownPractice when no practice of that id is served
	 */
	public PracticeForm form(PracticeId id) {
		return PracticeForm.of(get(id));
	}

	/** Serves the practice as changed at that time, unless what is served is as new already; true if it was not. */
	private synchronized boolean replace(Practice practice, Instant updatedAt) {
		if (!updatedAt.isAfter(changedAt.getOrDefault(practice.id(), Instant.MIN))) {
			return false;
		}
		changedAt.put(practice.id(), updatedAt);
		served = served.replacing(practice, clock);
		return true;
	}

	/** Runs the task once the transaction around commits (not at all if it rolls back), or now without one. */
	private static void afterCommit(Runnable task) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					task.run();
				}

			});
		}
		else {
			task.run();
		}
	}

	/** Whether the practice was created at run time (rather than set in settings). */
	public boolean created(PracticeId id) {
		return served.created().contains(id);
	}

	private void add(Practice practice) {
		synchronized (this) {
			if (served.byId().containsKey(practice.id())) {
				return;
			}
			served = served.with(practice, clock);
		}
		log.info("Serving the practice '{}', created at run time", practice.id());
		if (events != null) {
			events.publishEvent(new PracticeAdded(practice));
		}
	}

	private boolean servable(Practice practice, List<Practice> others) {
		Optional<PracticeConflict> conflict = conflict(practice, others);
		if (conflict.isPresent() && refused.add(practice.id())) {
			log.error("The practice '{}' created at run time is not served: {}", practice.id(),
					conflict.get().getMessage());
		}
		return conflict.isEmpty();
	}

	/** Why the practice cannot join the others: its id or folder is one of theirs (or holds, or lies in, one). */
	private Optional<PracticeConflict> conflict(Practice practice, List<Practice> others) {
		Path folder = folderOf(practice);
		for (Practice other : others) {
			if (other.id().equals(practice.id())) {
				return Optional.of(
						new PracticeConflict("id", "The id '" + practice.id() + "' is another practice's already."));
			}
			Path theirs = folderOf(other);
			if (folder != null && theirs != null && (folder.startsWith(theirs) || theirs.startsWith(folder))) {
				return Optional.of(new PracticeConflict("knowledgeDir", "That folder is, holds or lies in the knowledge "
						+ "folder of the practice '" + other.id() + "': each practice's content is its own."));
			}
		}
		return originConflict(practice, others);
	}

	/** Whether one of the practice's origins is another's: a page on it would be that practice's. */
	private static Optional<PracticeConflict> originConflict(Practice practice, List<Practice> others) {
		for (int n = 0; n < practice.allowedOrigins().size(); n++) {
			String origin = normalizedOrigin(practice.allowedOrigins().get(n));
			for (Practice other : others) {
				if (!other.id().equals(practice.id()) && other.allowedOrigins()
					.stream()
					.map(Practices::normalizedOrigin)
					.anyMatch(origin::equals)) {
					return Optional.of(new PracticeConflict("allowedOrigins[" + n + "]", "That origin is the practice '"
							+ other.id() + "''s already: a page on it is that practice's."));
				}
			}
		}
		return Optional.empty();
	}

	private Path folderOf(Practice practice) {
		PracticeFolders known = folders == null ? null : folders.getIfAvailable();
		if (known != null) {
			return known.folderOf(practice);
		}
		return practice.knowledgeDir().map(dir -> dir.toAbsolutePath().normalize()).orElse(null);
	}

	/** The default practice first, then the others in the order they are set. */
	public List<Practice> all() {
		return served.ordered();
	}

	public Practice defaultPractice() {
		return served.byId().get(PracticeId.DEFAULT);
	}

	public Optional<Practice> find(PracticeId id) {
		return Optional.ofNullable(served.byId().get(id));
	}

	/**
	 * The practice of that id.
	 * @throws UnknownPractice when this deployment serves no practice of that id
	 */
	public Practice get(PracticeId id) {
		Practice practice = served.byId().get(id);
		if (practice == null) {
			throw new UnknownPractice();
		}
		return practice;
	}

	/** When that practice's office is open, in its own time zone. */
	public OpeningHours hours(PracticeId id) {
		OpeningHours opening = served.hours().get(id);
		if (opening == null) {
			throw new UnknownPractice();
		}
		return opening;
	}

	/** The practice whose account on a messaging platform that is, if one is set up with it. */
	public Optional<Practice> byChannelAccount(String platform, String account) {
		return Optional.ofNullable(served.byAccount().get(platform + "\n" + account));
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
		return served.ordered()
			.stream()
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
		return served.ordered().size() > 1;
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
