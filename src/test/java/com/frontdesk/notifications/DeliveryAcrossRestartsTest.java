package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.booking.CallbackDeliveries;
import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.FrontdeskApplication;
import com.frontdesk.channels.messaging.Eventually;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Nothing is lost when Frontdesk stops: a callback request the practice's webhook could not take before a restart
 * (or a crash in the middle of an attempt) is delivered by the next run, with the same idempotency key.
 */
class DeliveryAcrossRestartsTest {

	static final PracticeWebhook webhook = new PracticeWebhook();

	@AfterAll
	static void stop() {
		webhook.close();
	}

	@Test
	void aRequestTheWebhookMissedIsDeliveredAfterARestart() throws Exception {
		Path dataDir = Files.createTempDirectory("frontdesk-outbox-restart");
		webhook.down();
		String id;
		try (ConfigurableApplicationContext before = start(dataDir)) {
			CallbackRequests callbacks = before.getBean(CallbackRequests.class);
			id = callbacks.submit(new CallbackSubmission(com.frontdesk.practice.PracticeId.DEFAULT, null, "web", "Chen Wei", "415-555-0142", null, "any", null,
					true, callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).version(), "restart-1")).id();
			Eventually.until("the webhook was tried", () -> webhook.received().size() >= 2);
		}
		int triedBefore = webhook.received().size();
		String key = webhook.received().get(0).getHeader("Idempotency-Key");

		webhook.up();
		try (ConfigurableApplicationContext after = start(dataDir)) {
			Eventually.until("the request is delivered", () -> "delivered".equals(status(after, id)));
			assertThat(after.getBean(PracticeNotifications.class).backlog()).isZero();
		}
		List<LoggedRequest> afterRestart = webhook.received().subList(triedBefore, webhook.received().size());
		assertThat(afterRestart).hasSize(1);
		assertThat(afterRestart.get(0).getHeader("Idempotency-Key")).isEqualTo(key);
		assertThat(PracticeWebhook.signedBySharedSecret(afterRestart.get(0))).isTrue();
	}

	@Test
	void aDeliveryHeldByAnInstanceThatDiedIsTakenOverWhenItsLeaseRunsOut() throws Exception {
		Path dataDir = Files.createTempDirectory("frontdesk-outbox-crash");
		webhook.reset();
		webhook.down();
		String id;
		try (ConfigurableApplicationContext before = start(dataDir)) {
			CallbackRequests callbacks = before.getBean(CallbackRequests.class);
			id = callbacks.submit(new CallbackSubmission(com.frontdesk.practice.PracticeId.DEFAULT, null, "web", "Dana Ruiz", "212 555 0100", null, "any", null,
					true, callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).version(), "crash-1")).id();
			Eventually.until("the webhook was tried", () -> !webhook.received().isEmpty());
		}
		webhook.reset();
		try (ConfigurableApplicationContext after = start(dataDir, "1h")) {
			// As if a run had crashed in the middle of an attempt: the delivery is still held, for one more second.
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			jdbc.sql("update notice_delivery set claimed_by = 'a-run-that-crashed', claimed_until = ?, next_attempt_at = ?")
				.params(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1), OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
				.update();
			NoticeDispatcher dispatcher = after.getBean(NoticeDispatcher.class);
			assertThat(dispatcher.poll()).as("held by the crashed run").isZero();
			Eventually.until("the lease runs out and the delivery is taken over", () -> dispatcher.poll() == 1);
			assertThat(status(after, id)).isEqualTo("delivered");
		}
		assertThat(webhook.received()).hasSize(1);
	}

	/** How the notice about a callback request stands, as the admin's list shows it. */
	private static String status(ConfigurableApplicationContext app, String callbackId) {
		return CallbackDeliveries.summary(
				app.getBean(CallbackDeliveries.class).of(List.of(callbackId)).getOrDefault(callbackId, List.of()));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return start(dataDir, "50ms");
	}

	private static ConfigurableApplicationContext start(Path dataDir, String pollInterval) {
		return new SpringApplicationBuilder(FrontdeskApplication.class).run("--server.port=0",
				"--frontdesk.data-dir=" + dataDir, "--frontdesk.knowledge.watch=false",
				"--frontdesk.retrieval.vectors.enabled=false", "--frontdesk.notifications.webhook.url=" + webhook.url(),
				"--frontdesk.notifications.webhook.secret=" + PracticeWebhook.SECRET,
				"--frontdesk.notifications.poll-interval=" + pollInterval, "--frontdesk.notifications.initial-backoff=50ms",
				"--frontdesk.notifications.max-backoff=100ms");
	}

}
