package com.frontdesk.channels.messaging;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.PracticeId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A messaging channel for tests whose work a test holds up at two points: the first reply to {@link #SLOW_SEND_TO} is
 * held in the middle of its sending, and the message {@link #HELD_BEFORE_REPLY} before anything is done with it, each
 * until the test opens its gate. What it sends is recorded across application contexts (a restart). Not a component:
 * tests register it as a source of their own application.
 */
public class GatedChannel implements MessagingChannel {

	private static final Logger log = LoggerFactory.getLogger(GatedChannel.class);

	static final String SLOW_SEND_TO = "patient-a";

	static final String HELD_BEFORE_REPLY = "m-held";

	static final List<RecordingChannel.Sent> sent = new CopyOnWriteArrayList<>();

	static volatile CountDownLatch sending = new CountDownLatch(1);

	static volatile CountDownLatch sendGate = new CountDownLatch(1);

	static volatile CountDownLatch holding = new CountDownLatch(1);

	static volatile CountDownLatch holdGate = new CountDownLatch(1);

	static volatile Thread heldThread;

	/** Whether a worker was interrupted while the test held it up. */
	static volatile boolean interrupted;

	private static volatile boolean slowSendDone;

	/** Gates closed, nothing sent. */
	static void reset() {
		sent.clear();
		sending = new CountDownLatch(1);
		sendGate = new CountDownLatch(1);
		holding = new CountDownLatch(1);
		holdGate = new CountDownLatch(1);
		heldThread = null;
		interrupted = false;
		slowSendDone = false;
	}

	@Override
	public String name() {
		return "gated";
	}

	@Override
	public boolean enabled() {
		return true;
	}

	@Override
	public ReplyLimits limits() {
		return new ReplyLimits(4096, 4);
	}

	@Override
	public Screening screen(Audience audience, InboundMessage message) {
		if (message.messageId().equals(HELD_BEFORE_REPLY) && holdGate.getCount() > 0) {
			heldThread = Thread.currentThread();
			holding.countDown();
			awaitUninterruptibly(holdGate);
		}
		return Screening.answer();
	}

	@Override
	public void send(PracticeId practice, String recipient, String text) {
		if (recipient.equals(SLOW_SEND_TO) && !slowSendDone) {
			slowSendDone = true;
			sending.countDown();
			awaitUninterruptibly(sendGate);
		}
		sent.add(new RecordingChannel.Sent(recipient, text));
		log.info("Gated channel sent a reply to {}", recipient);
	}

	static long sentTo(String recipient) {
		return sent.stream().filter(s -> s.recipient().equals(recipient)).count();
	}

	private static void awaitUninterruptibly(CountDownLatch gate) {
		while (true) {
			try {
				gate.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
	}

}
