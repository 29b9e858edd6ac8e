package com.frontdesk.notifications;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * Where one practice's notices go: the targets it set itself ({@code frontdesk.practices[n].notifications}), or,
 * when it set none, the deployment's ({@code frontdesk.notifications}, which is also the default practice's). A
 * practice that sets a webhook of its own and no inbox gets no e-mail: its own targets replace the deployment's,
 * they are not added to them, so a host's inbox never receives the notices of a practice with its own targets.
 */
@Component
class NoticeDestinations {

	private final PracticeNotificationProperties.Targets deployment;

	private final Map<PracticeId, PracticeNotificationProperties.Targets> own;

	NoticeDestinations(NotificationProperties properties, PracticeNotificationProperties practices,
			Practices known) {
		this.deployment = new PracticeNotificationProperties.Targets(properties.webhook(), properties.email());
		this.own = practices.practices()
			.stream()
			.filter(entry -> entry.id() != null && entry.notifications().any())
			.collect(Collectors.toUnmodifiableMap(entry -> known.get(PracticeId.parse(entry.id())).id(),
					PracticeNotificationProperties.Entry::notifications));
	}

	NotificationProperties.Webhook webhook(PracticeId practice) {
		return targets(practice).webhook();
	}

	NotificationProperties.Email email(PracticeId practice) {
		return targets(practice).email();
	}

	/** True when the practice has targets of its own rather than the deployment's. */
	boolean ownTargets(PracticeId practice) {
		return own.containsKey(practice);
	}

	/** True when some practice's notices may go out by e-mail (an SMTP server is then needed). */
	boolean anyEmail() {
		return deployment.email().configured() || own.values().stream().anyMatch(t -> t.email().configured());
	}

	private PracticeNotificationProperties.Targets targets(PracticeId practice) {
		return own.getOrDefault(practice, deployment);
	}

}
