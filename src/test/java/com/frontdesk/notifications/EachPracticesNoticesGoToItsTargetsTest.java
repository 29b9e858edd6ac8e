package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.KnowledgeFolders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * A practice with its own webhook and inbox hears about its own patients there, signed with its own secret, and the
 * deployment's targets never see them; a practice without targets of its own has its notices go to the
 * deployment's, naming it; the default practice's go to the deployment's as they always did.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EachPracticesNoticesGoToItsTargetsTest {

	static final PracticeWebhook deployment = new PracticeWebhook();

	static final PracticeWebhook northside = new PracticeWebhook("whsec_northside_91c4e7");

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void practices(DynamicPropertyRegistry settings) {
		settings.add("frontdesk.notifications.webhook.url", deployment::url);
		settings.add("frontdesk.notifications.webhook.secret", () -> PracticeWebhook.SECRET);
		settings.add("frontdesk.notifications.email.to", () -> "front-office@practice.example");
		settings.add("spring.mail.host", () -> "127.0.0.1");
		settings.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		settings.add("frontdesk.notifications.poll-interval", () -> "50ms");
		settings.add("frontdesk.practices[0].id", () -> "northside");
		settings.add("frontdesk.practices[0].profile.name", () -> "Northside Spine Center");
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
		settings.add("frontdesk.practices[0].notifications.webhook.url", northside::url);
		settings.add("frontdesk.practices[0].notifications.webhook.secret", () -> "whsec_northside_91c4e7");
		settings.add("frontdesk.practices[0].notifications.email.to", () -> "desk@northside.example");
		settings.add("frontdesk.practices[1].id", () -> "eastside");
		settings.add("frontdesk.practices[1].profile.name", () -> "Eastside Back Clinic");
		settings.add("frontdesk.practices[1].knowledge-dir",
				() -> KnowledgeFolders.withPage("# Eastside\n\n## Hours\nOpen on weekdays.\n"));
	}

	@AfterAll
	static void stop() {
		deployment.close();
		northside.close();
		smtp.stop();
	}

	@Autowired
	CallbackRequests callbacks;

	@LocalServerPort
	int port;

	@BeforeEach
	void nothingReceivedYet() throws Exception {
		deployment.reset();
		northside.reset();
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void aPracticesCallbackRequestGoesToItsOwnWebhookAndInboxOnly() throws Exception {
		CallbackReceipt receipt = callbacks.submit(request(PracticeId.parse("northside"), "Nadia North"));

		Eventually.until("Northside's webhook has it", () -> northside.received().size() == 1);
		Eventually.until("Northside's inbox has it", () -> smtp.getReceivedMessages().length == 1);
		LoggedRequest notice = northside.received().get(0);
		assertThat(northside.signedByItsSecret(notice)).as("signed with Northside's secret").isTrue();
		assertThat(northside.json(notice).at("/fields/callbackId").stringValue()).isEqualTo(receipt.id());
		assertThat(northside.json(notice).at("/fields/practice").stringValue()).isEqualTo("northside");
		MimeMessage mail = smtp.getReceivedMessagesForDomain("northside.example")[0];
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("desk@northside.example");
		assertThat(mail.getSubject()).startsWith("[Northside Spine Center] ");
		assertThat(GreenMailUtil.getBody(mail)).contains("Name: Nadia North")
			.contains("the virtual assistant of Northside Spine Center");

		CallbackReceipt ours = callbacks.submit(request(PracticeId.DEFAULT, "Dora Default"));
		Eventually.until("the deployment's webhook has the default practice's", () -> deployment.received().size() == 1);
		assertThat(deployment.json(deployment.received().get(0)).at("/fields/callbackId").stringValue())
			.isEqualTo(ours.id());
		Eventually.until("the deployment's inbox has it", () -> smtp.getReceivedMessages().length == 2);
		assertThat(northside.received()).as("Northside hears only of its own patients").hasSize(1);
		assertThat(smtp.getReceivedMessagesForDomain("practice.example")).singleElement()
			.satisfies(deployments -> assertThat(GreenMailUtil.getBody(deployments)).contains("Dora Default")
				.doesNotContain("Nadia"));
	}

	@Test
	void aPracticeWithoutTargetsOfItsOwnIsHeardOfThroughTheDeployments() {
		callbacks.submit(request(PracticeId.parse("eastside"), "Eli East"));

		Eventually.until("the deployment's webhook has it", () -> deployment.received().size() == 1);
		LoggedRequest notice = deployment.received().get(0);
		assertThat(PracticeWebhook.signedBySharedSecret(notice)).isTrue();
		assertThat(deployment.json(notice).at("/fields/practice").stringValue()).isEqualTo("eastside");
		Eventually.until("the deployment's inbox has it", () -> smtp.getReceivedMessages().length == 1);
		assertThat(northside.received()).isEmpty();
	}

	@Test
	void aNorthsidePatientAskingForAPersonIsAnnouncedToNorthside() {
		JsonMapper json = JsonMapper.builder().build();
		ChatClient client = new ChatClient(port);
		client.post("/api/chat", json.writeValueAsString(Map.of("message", "I want to talk to a person please",
				"practice", "northside")), "application/json");

		Eventually.until("Northside's webhook has the handoff", () -> !northside.received().isEmpty());
		assertThat(northside.received().get(0).getHeader("X-Frontdesk-Event")).isEqualTo("handoff_requested");
		Eventually.until("Northside's inbox has it", () -> smtp.getReceivedMessages().length == 1);

		// a later notice of the default practice is taken after any delivery made for the handoff
		callbacks.submit(request(PracticeId.DEFAULT, "Hal Default", "(650) 555-7788"));
		Eventually.until("the deployment's webhook has the callback", () -> !deployment.received().isEmpty());
		assertThat(deployment.received()).as("the deployment's webhook does not hear of Northside's patients")
			.extracting(request -> request.getHeader("X-Frontdesk-Event"))
			.containsExactly("callback_request");
		Eventually.until("the deployment's inbox has it", () -> smtp.getReceivedMessages().length == 2);
	}

	private CallbackSubmission request(PracticeId practice, String name) {
		return request(practice, name, "(650) 555-1234");
	}

	private CallbackSubmission request(PracticeId practice, String name, String phone) {
		return new CallbackSubmission(practice, null, "web", name, phone, null, "afternoon",
				"A question about my appointment", true, callbacks.consentWording(practice).version(), null);
	}

}
