package com.frontdesk.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The stop-the-world pauses of this JVM's collector as {@link System#nanoTime()} windows (millisecond precision), from
 * the collectors' notifications, so that a slow turn can be checked against them. Concurrent cycles (ZGC's "Cycles",
 * "G1 Concurrent GC") do not stop the application and are not counted.
 */
final class GcPauses {

	private static final List<long[]> PAUSES = new ArrayList<>();

	private static boolean listening;

	private GcPauses() {
	}

	static synchronized void start() {
		PAUSES.clear();
		if (listening) {
			return;
		}
		listening = true;
		long jvmStartNanos = System.nanoTime()
				- (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000;
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (bean.getName().contains("Cycles") || bean.getName().contains("Concurrent") || !(bean instanceof NotificationEmitter emitter)) {
				continue;
			}
			emitter.addNotificationListener((notification, handback) -> {
				if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					return;
				}
				var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
				synchronized (GcPauses.class) {
					PAUSES.add(new long[] { jvmStartNanos + info.getStartTime() * 1_000_000,
							jvmStartNanos + info.getEndTime() * 1_000_000 });
				}
			}, null, null);
		}
	}

	/** How much of the window {@code [from, to]} (nanoTime) the collector's pauses took. */
	static synchronized long overlap(long from, long to) {
		long total = 0;
		for (long[] pause : PAUSES) {
			total += Math.max(0, Math.min(to, pause[1]) - Math.max(from, pause[0]));
		}
		return total;
	}

}
