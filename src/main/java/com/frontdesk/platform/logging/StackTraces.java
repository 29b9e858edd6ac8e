package com.frontdesk.platform.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Exceptions as the log may show them when they may carry what a patient sent (a database or parser message
 * quoting a value): the same classes and stack frames, causes included, without any message.
 */
public final class StackTraces {

	private StackTraces() {
	}

	/** A copy of the exception and its causes that names each class but carries none of their messages. */
	public static Throwable withoutMessages(Throwable throwable) {
		return copy(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static Throwable copy(Throwable throwable, Set<Throwable> seen) {
		if (throwable == null || !seen.add(throwable)) {
			return null;
		}
		MessageRemoved copy = new MessageRemoved(throwable.getClass().getName(), copy(throwable.getCause(), seen));
		copy.setStackTrace(throwable.getStackTrace());
		return copy;
	}

	/** Stands for an exception whose message was left out of the log. */
	static final class MessageRemoved extends RuntimeException {

		MessageRemoved(String exceptionClass, Throwable cause) {
			super(exceptionClass + " (message not logged)", cause, false, true);
		}

	}

}
