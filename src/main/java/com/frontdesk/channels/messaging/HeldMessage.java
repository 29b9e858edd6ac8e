package com.frontdesk.channels.messaging;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A message a worker of this instance holds. The worker may start replying to it unless a stop has handed it back
 * first, and a stop hands back only what is not being replied to: a reply is sent once, by one instance.
 */
final class HeldMessage {

	private enum State {

		HELD, REPLYING, HANDED_BACK

	}

	private final long id;

	private final AtomicReference<State> state = new AtomicReference<>(State.HELD);

	HeldMessage(long id) {
		this.id = id;
	}

	long id() {
		return id;
	}

	/** True when the worker may send its reply now; false once the message was handed back. */
	boolean startReplying() {
		return state.compareAndSet(State.HELD, State.REPLYING) || state.get() == State.REPLYING;
	}

	/** Takes the message from its worker, unless the worker is already replying. */
	boolean handBack() {
		return state.compareAndSet(State.HELD, State.HANDED_BACK);
	}

	boolean handedBack() {
		return state.get() == State.HANDED_BACK;
	}

	boolean replying() {
		return state.get() == State.REPLYING;
	}

}
