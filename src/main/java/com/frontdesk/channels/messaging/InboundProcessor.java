package com.frontdesk.channels.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.frontdesk.platform.Instances;
import com.frontdesk.platform.RequestIds;
import com.frontdesk.platform.StopOrder;

/**
 * Processes stored messages on virtual threads, after their webhook was acknowledged. A message is claimed in the
 * database first, so it is answered once whichever instance holds it; a sender's messages are answered one at a
 * time, in order of arrival, across instances: a message whose predecessor is still being answered is left for the
 * thread answering the predecessor, which takes it next.
 * <p>
 * A stop ({@link StopOrder#MESSAGE_WORKERS}) claims no new message, waits up to
 * {@code frontdesk.channels.workers.shutdown-grace} for the messages the workers hold, and hands back as pending those
 * whose reply has not started, for another instance or the next start. Workers are never interrupted: an interrupt
 * in the middle of a database write would close H2's file.
 */
@Component
class InboundProcessor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	private final InboundStore store;

	private final Channels channels;

	private final MessageHandler handler;

	private final Instances instances;

	private final WorkerProperties properties;

	private final Map<Long, HeldMessage> held = new ConcurrentHashMap<>();

	private final Object heldChanged = new Object();

	private volatile ExecutorService executor;

	private volatile boolean running;

	InboundProcessor(InboundStore store, Channels channels, MessageHandler handler, Instances instances,
			WorkerProperties properties) {
		this.store = store;
		this.channels = channels;
		this.handler = handler;
		this.instances = instances;
		this.properties = properties;
	}

	void submit(StoredMessage message) {
		try {
			if (running) {
				executor.execute(RequestIds.carryOrNew(() -> process(message)));
				return;
			}
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
		log.info("Stopping: {} message #{} stays pending", message.message().channel(), message.id());
	}

	/** Answers the message if it can be claimed, then the sender's next waiting messages in turn. */
	private void process(StoredMessage first) {
		Optional<StoredMessage> next = Optional.of(first);
		while (next.isPresent() && running) {
			StoredMessage stored = next.get();
			InboundMessage message = stored.message();
			MessagingChannel channel = channels.get(message.channel()).filter(MessagingChannel::enabled).orElse(null);
			HeldMessage hold = new HeldMessage(stored.id());
			if (channel == null || held.putIfAbsent(stored.id(), hold) != null) {
				return;
			}
			try {
				if (!running || !claim(stored)) {
					return;
				}
				answer(channel, stored, hold);
			}
			finally {
				held.remove(stored.id());
				synchronized (heldChanged) {
					heldChanged.notifyAll();
				}
			}
			next = nextOf(message);
		}
	}

	private boolean claim(StoredMessage stored) {
		try {
			return store.claim(stored, instances.id());
		}
		catch (RuntimeException ex) {
			log.error("Claiming {} message #{} failed: {}", stored.message().channel(), stored.id(), ex.getClass().getName());
			return false;
		}
	}

	private void answer(MessagingChannel channel, StoredMessage stored, HeldMessage hold) {
		try {
			Outcome outcome = hold.handedBack() ? Outcome.handedBack() : outcome(channel, stored, hold);
			if (hold.handedBack()) {
				store.handBack(stored.id(), instances.id());
				return;
			}
			store.finish(stored.id(), outcome);
			if (outcome.status() == MessageStatus.FAILED) {
				log.warn("No reply to {} message #{}: {}", channel.name(), stored.id(), outcome.detail());
			}
		}
		catch (RuntimeException ex) {
			if (hold.handedBack()) {
				log.info("Stopping: {} message #{} was handed back; its worker ended with {}", channel.name(), stored.id(),
						ex.getClass().getName());
				return;
			}
			log.error("Processing {} message #{} failed: {}", channel.name(), stored.id(), ex.getClass().getName());
		}
	}

	private Optional<StoredMessage> nextOf(InboundMessage message) {
		try {
			return running ? store.nextPending(message) : Optional.empty();
		}
		catch (RuntimeException ex) {
			log.error("Looking for the next {} message failed: {}", message.channel(), ex.getClass().getName());
			return Optional.empty();
		}
	}

	private Outcome outcome(MessagingChannel channel, StoredMessage stored, HeldMessage hold) {
		try {
			return handler.handle(channel, stored.message(), hold);
		}
		catch (RuntimeException ex) {
			if (hold.handedBack()) {
				return Outcome.handedBack(); // the stop went on without it: the database may be closed already
			}
			log.error("Handling {} message #{} failed: {}", channel.name(), stored.id(), ex.getClass().getName());
			return Outcome.failed("error: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public synchronized void start() {
		if (!running) {
			executor = Executors.newVirtualThreadPerTaskExecutor();
			running = true;
		}
	}

	@Override
	public void stop() {
		announceStop();
		running = false;
		finishOrHandBack();
	}

	/** Runs beside the web server's graceful shutdown (the same phase), so both use the time of the stop at once. */
	@Override
	public void stop(Runnable callback) {
		announceStop();
		running = false;
		Thread.ofPlatform().name("message-workers-stop").start(() -> {
			try {
				finishOrHandBack();
			}
			finally {
				callback.run();
			}
		});
	}

	/** Said before the workers are told, so the log shows the stop before whatever they finish after it. */
	private void announceStop() {
		log.info("Stopping: message workers take no new message and finish the {} they hold (up to {})", held.size(),
				properties.shutdownGrace());
	}

	private synchronized void finishOrHandBack() {
		Duration grace = properties.shutdownGrace();
		awaitHeld(hold -> true, grace);
		int handedBack = 0;
		for (HeldMessage hold : held.values()) {
			if (hold.handBack() && handBackQuietly(hold.id())) {
				handedBack++;
			}
		}
		// A reply already under way is let finish (its sends have timeouts), so that it is neither lost nor sent twice.
		boolean replying = !awaitHeld(HeldMessage::replying, grace);
		ExecutorService workers = executor;
		if (workers != null) {
			workers.shutdown();
		}
		log.info("Message workers stopped: {} message(s) handed back as pending for another instance or the next start{}",
				handedBack, replying ? "; a reply still being sent is left to its instance's sign-off" : "");
	}

	private boolean handBackQuietly(long id) {
		try {
			return store.handBack(id, instances.id());
		}
		catch (RuntimeException ex) {
			log.warn("Handing back message #{} failed ({}); it is taken over after the instance signed off", id,
					ex.getClass().getName());
			return false;
		}
	}

	/** Waits until no held message matches, at most the given time; false when some still do. */
	private boolean awaitHeld(Predicate<HeldMessage> matching, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		synchronized (heldChanged) {
			while (held.values().stream().anyMatch(matching)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					heldChanged.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return StopOrder.MESSAGE_WORKERS;
	}

}
