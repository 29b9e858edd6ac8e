package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.StaffDesk;

import tools.jackson.databind.JsonNode;

/**
 * A staff message whose sending was cut short (the instance sending it was restarted or crashed) does not stay
 * "sending" for ever: staff see that it may not have reached the patient, so they can call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.instances.heartbeat=200ms" })
class InterruptedStaffMessagesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStaffMessageLeftSendingByAStoppedInstanceIsShownAsPossiblyNotDelivered() {
		String conversation = new ChatClient(port).chat(null, "can I talk to a real person?").text("conversationId");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		leftSending(conversation, "We will call you this afternoon.", now.minus(StaffMessages.SENDING_AT_MOST).minusMinutes(1));
		leftSending(conversation, "Sam here, one moment please.", now);
		StaffDesk staff = new StaffDesk(port);

		Eventually.until("the interrupted message is marked",
				() -> "failed".equals(staff.staffTurns(conversation).get(0).at("/delivery/status").stringValue()));

		JsonNode interrupted = staff.staffTurns(conversation).get(0);
		assertThat(interrupted.at("/delivery/detail").stringValue()).contains("may not have reached the patient");
		sleep(Duration.ofMillis(600));
		assertThat(staff.staffTurns(conversation).get(1).at("/delivery/status").stringValue())
			.as("a message still within its sending time").isEqualTo("sending");
	}

	/** What an instance that stopped in the middle of sending leaves behind. */
	private void leftSending(String conversation, String text, OffsetDateTime at) {
		jdbc.sql("""
				insert into turn (conversation_id, question, reply, intent, citations, actions, created_at, author, delivery)
				values (?, '', ?, 'handoff', '[]', '[]', ?, 'staff', 'sending')""")
			.params(conversation, text, at)
			.update();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
