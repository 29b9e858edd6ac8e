package com.frontdesk.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.frontdesk.knowledge.KnowledgeChanged;
import com.frontdesk.knowledge.KnowledgeFolderMissing;
import com.frontdesk.knowledge.KnowledgeLoader;
import com.frontdesk.platform.StopOrder;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeAdded;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;
import com.frontdesk.practice.UnknownPractice;

/**
 * The one owner of the knowledge indexes: one {@link KnowledgeIndex} per practice this deployment serves, each over
 * that practice's own folder, so that a search for one practice's patient can only ever find that practice's
 * passages. Every index is built before the web server starts and closed after it has stopped.
 */
@Component
public class KnowledgeIndexes implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexes.class);

	/** Every practice's index; one made while running is built before anyone can search it. */
	private final Map<PracticeId, KnowledgeIndex> indexes = new ConcurrentHashMap<>();

	private final TextAnalysis analysis;

	private final KnowledgeLoader loader;

	private final Practices practices;

	private final Embeddings embeddings;

	private volatile boolean started;

	private volatile boolean running;

	KnowledgeIndexes(Practices practices, KnowledgeLoader loader, TextAnalysis analysis, Embeddings embeddings) {
		this.practices = practices;
		this.loader = loader;
		this.embeddings = embeddings;
		this.analysis = analysis;
		for (Practice practice : practices.all()) {
			indexes.put(practice.id(), new KnowledgeIndex(practice, loader, analysis, embeddings));
		}
	}

	/**
	 * Builds every practice's index before the web server starts (an earlier phase), so the port opens only when
	 * every practice's questions can be answered. A practice whose folder is missing starts empty and is logged; the
	 * others are not held up by it.
	 */
	@Override
	public void start() {
		if (!started) {
			loader.requireSeparateFolders(practices.all());
			long begun = System.nanoTime();
			for (KnowledgeIndex index : indexes.values()) {
				index.open();
				index.buildQuietly("start-up");
			}
			embeddings.save();
			started = true;
			if (indexes.size() > 1) {
				log.info("Indexed the knowledge of {} practices in {} ms", indexes.size(),
						(System.nanoTime() - begun) / 1_000_000);
			}
		}
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Before the phase in which Spring Boot starts the web server (and, in reverse, after the one in which it stops it,
	 * after the graceful shutdown of its requests, the message workers and the heartbeat).
	 */
	@Override
	public int getPhase() {
		return StopOrder.KNOWLEDGE_INDEX;
	}

	/** Closes every index: the last thing before the database closes, once nothing can search them any more. */
	@jakarta.annotation.PreDestroy
	void close() {
		if (!started) {
			return;
		}
		indexes.values().forEach(KnowledgeIndex::close);
		log.info("Stopping: knowledge indexes closed");
	}

	/**
	 * The index of one practice.
	 * @throws UnknownPractice when this deployment serves no practice of that id
	 */
	public KnowledgeIndex of(PracticeId practice) {
		KnowledgeIndex index = indexes.get(practice);
		if (index != null) {
			return index;
		}
		// A practice added while running: its index is built here once, the first caller waiting for it.
		Practice added = practices.get(practice);
		return indexes.computeIfAbsent(practice, id -> built(added));
	}

	/** Whether this deployment serves that practice (and so holds, or makes, its index). */
	public boolean serves(PracticeId practice) {
		return indexes.containsKey(practice) || practices.find(practice).isPresent();
	}

	/** A practice created at run time gets its index at once, from its own folder. */
	@EventListener
	void onPracticeAdded(PracticeAdded event) {
		if (started) {
			of(event.practice().id());
		}
	}

	private KnowledgeIndex built(Practice practice) {
		if (!started) {
			return new KnowledgeIndex(practice, loader, analysis, embeddings);
		}
		long begun = System.nanoTime();
		KnowledgeIndex index = new KnowledgeIndex(practice, loader, analysis, embeddings);
		index.open();
		index.buildQuietly("practice added");
		embeddings.save();
		log.info("Indexed the knowledge of the practice '{}', added while running, in {} ms", practice.id(),
				(System.nanoTime() - begun) / 1_000_000);
		return index;
	}

	/**
	 * Reads one practice's folder again and swaps its passages in; the other practices' indexes are not touched.
	 * @throws KnowledgeFolderMissing when that practice's folder does not exist (its index keeps what it had)
	 */
	public IndexStatus reindex(PracticeId practice) {
		return of(practice).reindex();
	}

	public IndexStatus status(PracticeId practice) {
		return of(practice).status();
	}

	/** What each practice's index holds, the default practice first. */
	public Map<PracticeId, IndexStatus> statuses() {
		Map<PracticeId, IndexStatus> statuses = new LinkedHashMap<>();
		practices.all()
			.stream()
			.map(practice -> indexes.get(practice.id()))
			.filter(java.util.Objects::nonNull)
			.forEach(index -> statuses.put(index.practice(), index.status()));
		return statuses;
	}

	@EventListener
	void onKnowledgeChanged(KnowledgeChanged event) {
		KnowledgeIndex index = indexes.get(event.practice());
		if (index != null) {
			index.reindexQuietly(event.reason());
		}
	}

}
