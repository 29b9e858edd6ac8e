package com.frontdesk.channels.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;

import com.frontdesk.practice.PracticeId;

/**
 * A messaging channel for tests that records what it sends. Not a component: tests register it as a source of
 * their own application, so other tests never see it.
 */
public class RecordingChannel implements MessagingChannel {

	public record Sent(String recipient, String text) {
	}

	private final boolean enabled;

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	public RecordingChannel(@Value("${test.recording.enabled:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public String name() {
		return "recording";
	}

	@Override
	public boolean enabled() {
		return enabled;
	}

	@Override
	public ReplyLimits limits() {
		return new ReplyLimits(4096, 4);
	}

	@Override
	public void send(PracticeId practice, String recipient, String text) {
		sent.add(new Sent(recipient, text));
	}

	public List<Sent> sent() {
		return List.copyOf(sent);
	}

}
