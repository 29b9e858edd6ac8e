package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.CallbackDeliveries;
import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.practice.PracticeId;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.JsonNode;

/**
 * The practice hears about every callback request: through its webhook (signed, with an idempotency key that stays
 * the same across retries) even when the webhook was down for a while, and in its inbox over real SMTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PracticeDeliveryTest {

	static final PracticeWebhook webhook = new PracticeWebhook();

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void practice(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.notifications.webhook.url", webhook::url);
		registry.add("frontdesk.notifications.webhook.secret", () -> PracticeWebhook.SECRET);
		registry.add("frontdesk.notifications.email.to", () -> "front-office@practice.example");
		registry.add("frontdesk.notifications.email.from", () -> "Frontdesk <frontdesk@practice.example>");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("frontdesk.notifications.poll-interval", () -> "50ms");
		registry.add("frontdesk.notifications.initial-backoff", () -> "50ms");
		registry.add("frontdesk.notifications.max-backoff", () -> "200ms");
		registry.add("frontdesk.notifications.failing-after", () -> "3");
	}

	@AfterAll
	static void stop() {
		webhook.close();
		smtp.stop();
	}

	@Autowired
	CallbackRequests callbacks;

	@Autowired
	PracticeNotifications notifications;

	@Autowired
	CallbackDeliveries deliveries;

	@BeforeEach
	void practiceIsUp() throws Exception {
		webhook.reset();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void aRequestMadeWhileTheWebhookIsDownIsDeliveredWhenItIsBack() {
		webhook.down();
		CallbackReceipt receipt = callbacks.submit(request("Ana García", "(650) 555-1234"));

		Eventually.until("the webhook was tried several times", () -> webhook.received().size() >= 4);
		Eventually.until("the delivery is reported as failing", () -> notifications.failing() > 0);
		assertThat(notifications.backlog()).isPositive();
		assertThat(status(receipt.id())).isEqualTo("failing");

		webhook.up();
		Eventually.until("the webhook delivery is done", () -> "delivered".equals(webhookStatus(receipt.id())));

		List<LoggedRequest> attempts = webhook.received();
		assertThat(attempts).hasSizeGreaterThanOrEqualTo(5);
		assertThat(attempts).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(attempts.get(0).getHeader("Idempotency-Key"));
		assertThat(attempts).extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.get(0).getBodyAsString());
		assertThat(attempts).allMatch(PracticeWebhook::signedBySharedSecret, "signed with the shared secret");
		LoggedRequest delivered = attempts.get(attempts.size() - 1);
		assertThat(delivered.getHeader("Content-Type")).startsWith("application/json");
		assertThat(delivered.containsHeader("Upgrade")).as("a plain HTTP/1.1 POST, no h2c upgrade offered").isFalse();
		assertThat(delivered.getHeader("X-Frontdesk-Event")).isEqualTo("callback_request");
		assertThat(Long.parseLong(delivered.getHeader("X-Frontdesk-Timestamp")))
			.isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));

		JsonNode notice = webhook.json(delivered);
		assertThat(notice.get("id").stringValue()).isEqualTo(delivered.getHeader("Idempotency-Key"));
		assertThat(notice.get("type").stringValue()).isEqualTo("callback_request");
		assertThat(notice.get("channel").stringValue()).isEqualTo("web");
		JsonNode fields = notice.get("fields");
		assertThat(fields.get("callbackId").stringValue()).isEqualTo(receipt.id());
		assertThat(fields.get("name").stringValue()).isEqualTo("Ana García");
		assertThat(fields.get("phone").stringValue()).isEqualTo("+16505551234");
		assertThat(fields.get("preferredTime").stringValue()).isEqualTo("afternoon");
		assertThat(fields.get("consentText").stringValue()).startsWith("I agree that Sample Spine Practice");
		assertThat(fields.get("consentAt").stringValue()).isNotBlank();
	}

	@Test
	void theInboxGetsAPlainTextMessageWithWhatThePracticeNeeds() throws Exception {
		CallbackReceipt receipt = callbacks.submit(request("Ben Okafor", "+1 415 555 0199"));

		Eventually.until("the e-mail arrives", () -> smtp.getReceivedMessages().length == 1);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("front-office@practice.example");
		assertThat(mail.getFrom()[0].toString()).contains("frontdesk@practice.example");
		assertThat(mail.getSubject()).isEqualTo("[Sample Spine Practice] A patient asks to be called back")
			.doesNotContain("Ben");
		assertThat(mail.getContentType()).startsWith("text/plain");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("A patient asked to be called back (preferred time: afternoon).")
			.contains("Name: Ben Okafor")
			.contains("Phone: +14155550199")
			.contains("Reason: A second opinion on my MRI")
			.contains("Consent given: I agree that Sample Spine Practice may contact me")
			.contains("Request id: " + receipt.id());
		Eventually.until("the delivery is recorded", () -> "delivered".equals(status(receipt.id())));
		String key = webhook.received().get(0).getHeader("Idempotency-Key");
		assertThat(mail.getMessageID()).isEqualTo("<" + key + "@frontdesk>");
	}

	@Test
	void otherFeaturesNotifyThePracticeThroughTheSameOutbox() throws Exception {
		notifications.enqueue(PracticeNotice.of(PracticeId.DEFAULT, PracticeNotice.HANDOFF_REQUESTED, null, "whatsapp",
				"A patient asked to talk to someone.", Map.of("waiting", "since 10:02")));

		Eventually.until("the webhook and the inbox have it",
				() -> !webhook.received().isEmpty() && smtp.getReceivedMessages().length == 1);
		JsonNode notice = webhook.json(webhook.received().get(0));
		assertThat(notice.get("type").stringValue()).isEqualTo("handoff_requested");
		assertThat(notice.get("channel").stringValue()).isEqualTo("whatsapp");
		assertThat(notice.get("text").stringValue()).isEqualTo("A patient asked to talk to someone.");
		assertThat(notice.get("fields").get("waiting").stringValue()).isEqualTo("since 10:02");
		assertThat(smtp.getReceivedMessages()[0].getSubject()).endsWith("A patient asks to talk to someone");
		Eventually.until("nothing is left to deliver", () -> notifications.backlog() == 0);
	}

	/** How the notice about a callback request stands, as the admin's list shows it. */
	private String status(String callbackId) {
		return CallbackDeliveries.summary(deliveries(callbackId));
	}

	private List<CallbackDeliveries.Delivery> deliveries(String callbackId) {
		return deliveries.of(List.of(callbackId)).getOrDefault(callbackId, List.of());
	}

	private String webhookStatus(String callbackId) {
		return deliveries(callbackId)
			.stream()
			.filter(d -> d.target().equals("webhook"))
			.findFirst()
			.orElseThrow()
			.status();
	}

	private CallbackSubmission request(String name, String phone) {
		return new CallbackSubmission(PracticeId.DEFAULT, null, "web", name, phone, null, "afternoon",
				"A second opinion on my MRI", true, callbacks.consentWording(PracticeId.DEFAULT).version(), null);
	}

}
