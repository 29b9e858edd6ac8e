package com.frontdesk.knowledge;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the knowledge folder (and its sub-folders) and publishes {@link KnowledgeChanged} once a burst of
 * file changes has settled, so that an editor saving a file re-indexes once, not many times.
 */
@Component
class KnowledgeWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

	private final KnowledgeProperties properties;

	private final KnowledgeLoader loader;

	private final ApplicationEventPublisher events;

	private volatile WatchService watchService;

	private volatile Thread thread;

	KnowledgeWatcher(KnowledgeProperties properties, KnowledgeLoader loader, ApplicationEventPublisher events) {
		this.properties = properties;
		this.loader = loader;
		this.events = events;
	}

	@Override
	public void start() {
		Path root = loader.directory();
		if (!properties.watch() || !Files.isDirectory(root)) {
			return;
		}
		try {
			watchService = FileSystems.getDefault().newWatchService();
			registerTree(root);
		}
		catch (IOException ex) {
			log.warn("Cannot watch the knowledge folder {}; use the admin re-index instead: {}", root, ex.getMessage());
			return;
		}
		Thread watcher = Thread.ofPlatform().daemon().name("knowledge-watcher").unstarted(this::watch);
		thread = watcher;
		watcher.start();
	}

	@Override
	public void stop() {
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
				WatchKey first = watchService.take();
				drain(first);
				WatchKey more;
				while ((more = watchService.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
					drain(more);
				}
				registerTree(loader.directory());
				events.publishEvent(new KnowledgeChanged("files changed in the knowledge folder"));
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			log.error("The knowledge watcher stopped; use the admin re-index until restart", ex);
		}
	}

	private static void drain(WatchKey key) {
		key.pollEvents();
		key.reset();
	}

	private void registerTree(Path root) throws IOException {
		try (Stream<Path> dirs = Files.walk(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
						StandardWatchEventKinds.ENTRY_DELETE);
			}
		}
	}

}
