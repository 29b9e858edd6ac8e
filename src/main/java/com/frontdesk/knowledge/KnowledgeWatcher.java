package com.frontdesk.knowledge;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeAdded;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Watches every practice's knowledge folder (and its sub-folders) and publishes {@link KnowledgeChanged} for each
 * practice whose files changed, once a burst of file changes has settled, so that an editor saving a file re-indexes
 * that practice once, not many times, and no other practice at all.
 */
@Component
class KnowledgeWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

	private final KnowledgeProperties properties;

	private final KnowledgeLoader loader;

	private final Practices practices;

	private final ApplicationEventPublisher events;

	/** Which practice each watched folder belongs to. */
	private final Map<Path, PracticeId> folders = new ConcurrentHashMap<>();

	private volatile WatchService watchService;

	private volatile Thread thread;

	KnowledgeWatcher(KnowledgeProperties properties, KnowledgeLoader loader, Practices practices,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.loader = loader;
		this.practices = practices;
		this.events = events;
	}

	@Override
	public synchronized void start() {
		if (!properties.watch()) {
			return;
		}
		try {
			watchService = FileSystems.getDefault().newWatchService();
		}
		catch (IOException ex) {
			log.warn("Cannot watch the knowledge folders; use the admin re-index instead: {}", ex.getMessage());
			return;
		}
		practices.all().forEach(this::watch);
		startWatching();
	}

	/** A practice created at run time: its folder is watched from now on, like the others'. */
	@EventListener
	synchronized void onPracticeAdded(PracticeAdded event) {
		if (watchService == null) {
			return;
		}
		try {
			watch(event.practice());
			startWatching();
		}
		catch (ClosedWatchServiceException ex) {
			// stopping
		}
	}

	private void watch(Practice practice) {
		Path root = loader.directory(practice);
		try {
			if (Files.isDirectory(root)) {
				registerTree(practice.id(), root);
			}
		}
		catch (IOException ex) {
			log.warn("Cannot watch the knowledge folder {} of the practice '{}'; use the admin re-index instead: {}",
					root, practice.id(), ex.getMessage());
		}
	}

	private void startWatching() {
		if (folders.isEmpty() || thread != null) {
			return;
		}
		Thread watcher = Thread.ofPlatform().daemon().name("knowledge-watcher").unstarted(this::watch);
		thread = watcher;
		watcher.start();
	}

	@Override
	public synchronized void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
		}
		WatchService service = watchService;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				log.debug("Closing the knowledge watcher failed", ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	private void watch() {
		long debounceMillis = Math.max(1, properties.watchDebounce().toMillis());
		try {
			while (thread != null) {
				Set<PracticeId> changed = new LinkedHashSet<>();
				drain(watchService.take(), changed);
				WatchKey more;
				while ((more = watchService.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
					drain(more, changed);
				}
				for (PracticeId practice : changed) {
					registerTree(practice, loader.directory(practices.get(practice)));
					events.publishEvent(new KnowledgeChanged(practice, "files changed in the knowledge folder"));
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			log.error("The knowledge watcher stopped; use the admin re-index until restart", ex);
		}
	}

	private void drain(WatchKey key, Set<PracticeId> changed) {
		key.pollEvents();
		key.reset();
		if (key.watchable() instanceof Path dir && folders.containsKey(dir)) {
			changed.add(folders.get(dir));
		}
	}

	private void registerTree(PracticeId practice, Path root) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> dirs = Files.walk(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
						StandardWatchEventKinds.ENTRY_DELETE);
				folders.put(dir, practice);
			}
		}
	}

}
