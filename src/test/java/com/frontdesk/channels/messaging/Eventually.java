package com.frontdesk.channels.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what happens after a webhook was acknowledged. */
public final class Eventually {

	private Eventually() {
	}

	public static void until(String what, BooleanSupplier condition) {
		until(what, Duration.ofSeconds(20), condition);
	}

	public static void until(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** Gives asynchronous work the time to do what it must not do. */
	public static void settle() {
		try {
			Thread.sleep(400);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
