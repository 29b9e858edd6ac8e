package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard of a practice in Chicago, over three days of real conversations: days are the practice's days, and
 * every number is one a practice manager can check against the conversations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY,
				"frontdesk.practice.time-zone=America/Chicago" })
@TestInstance(Lifecycle.PER_CLASS)
class DashboardTest {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-02-17T23:00:00Z"));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TurnPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	com.frontdesk.practice.Practices practices;

	@BeforeAll
	void threeDaysOfConversations() {
		clock.set("2026-02-17T23:00:00Z"); // Feb 17, 5 pm in Chicago: before the three days
		new Patient(port).asks("What is lateral fusion?");

		clock.set("2026-02-19T03:00:00Z"); // Feb 18, 9 pm in Chicago
		new Patient(port).asks("hi");

		clock.set("2026-02-19T15:00:00Z"); // Feb 19, 9 am
		Patient asksAndGetsACostGap = new Patient(port);
		assertThat(asksAndGetsACostGap.asks("What is lateral fusion?")).isEqualTo("answer");
		asksAndGetsACostGap.rates("up", null);
		assertThat(asksAndGetsACostGap.asks("How much does lateral fusion cost?")).isEqualTo("not_covered");

		clock.set("2026-02-20T05:59:00Z"); // Feb 19, 11:59 pm
		Patient books = new Patient(port);
		assertThat(books.asks("Will lateral fusion leave a big scar?")).isEqualTo("answer");
		books.rates("down", "I wanted to know how big");
		assertThat(books.asks("I'd like to book a consultation")).isEqualTo("booking");

		clock.set("2026-02-20T06:00:00Z"); // Feb 20, midnight
		Patient leavesACallbackRequest = new Patient(port);
		assertThat(leavesACallbackRequest.asks("can someone call me back to set up a visit?")).isEqualTo("booking");
		CallbackRequests.leave(jdbc, leavesACallbackRequest.conversationId(), OffsetDateTime.parse("2026-02-20T06:01:00Z"));

		clock.set("2026-02-20T12:00:00Z");
		Patient wantsAPerson = new Patient(port);
		assertThat(wantsAPerson.asks("can i talk to a real person")).isEqualTo("handoff");
		jdbc.sql("update conversation set owner = 'waiting_for_staff', owner_changed_at = ? where id = ?")
			.params(OffsetDateTime.parse("2026-02-20T12:00:00Z"), wantsAPerson.conversationId())
			.update();

		clock.set("2026-02-20T13:00:00Z");
		pipeline.handle(new com.frontdesk.conversation.TurnRequest(practices.defaultPractice(),
				com.frontdesk.conversation.Channel.SMS, null, "What are pedicle screws?"));

		clock.set("2026-02-20T18:00:00Z"); // Feb 20, noon in Chicago: "today"
	}

	@Test
	void countsConversationsPerDayOfThePracticeByChannel() {
		JsonNode dashboard = dashboard(3);

		assertThat(dashboard.get("from").stringValue()).isEqualTo("2026-02-18");
		assertThat(dashboard.get("to").stringValue()).isEqualTo("2026-02-20");
		assertThat(dashboard.get("timeZone").stringValue()).isEqualTo("America/Chicago");
		assertThat(dashboard.get("channels")).extracting(JsonNode::stringValue).containsExactly("sms", "web");
		assertThat(dashboard.get("conversationsPerDay")).extracting(day -> day.get("date").stringValue() + " "
				+ day.get("total").longValue() + " web=" + day.get("byChannel").get("web").longValue() + " sms="
				+ day.get("byChannel").get("sms").longValue())
			.containsExactly("2026-02-18 1 web=1 sms=0", "2026-02-19 2 web=2 sms=0", "2026-02-20 3 web=2 sms=1");
	}

	@Test
	void countsRepliesByIntent() {
		JsonNode intents = dashboard(3).get("intents");

		assertThat(intents.propertyNames()).containsExactly("answer", "booking", "emergency", "needs_clinician",
				"handoff", "not_covered", "greeting");
		assertThat(intents.get("answer").longValue()).isEqualTo(3);
		assertThat(intents.get("booking").longValue()).isEqualTo(2);
		assertThat(intents.get("not_covered").longValue()).isEqualTo(1);
		assertThat(intents.get("handoff").longValue()).isEqualTo(1);
		assertThat(intents.get("greeting").longValue()).isEqualTo(1);
		assertThat(intents.get("emergency").longValue()).isZero();
	}

	@Test
	void followsConversationsFromQuestionToBookingToCallbackRequest() {
		JsonNode dashboard = dashboard(3);

		JsonNode funnel = dashboard.get("funnel");
		assertThat(funnel.get("conversations").longValue()).isEqualTo(6);
		assertThat(funnel.get("withQuestion").longValue()).as("all but the one that only said hi").isEqualTo(5);
		assertThat(funnel.get("withBooking").longValue()).isEqualTo(2);
		assertThat(funnel.get("withCallbackRequest").longValue()).isEqualTo(1);
		assertThat(dashboard.get("handoffs").get("requested").longValue()).isEqualTo(1);
		assertThat(dashboard.get("handoffs").get("waitingForStaff").longValue()).isEqualTo(1);
		assertThat(dashboard.get("feedback").get("up").longValue()).isEqualTo(1);
		assertThat(dashboard.get("feedback").get("down").longValue()).isEqualTo(1);
	}

	@Test
	void showsTheTopUnansweredTopics() {
		JsonNode topics = dashboard(3).get("topUnansweredTopics");

		assertThat(topics).extracting(topic -> topic.get("topic").stringValue() + " " + topic.get("questions").intValue())
			.containsExactly("scar 1", "cost 1");
		assertThat(topics.get(0).get("thumbsDown").intValue()).isEqualTo(1);
		assertThat(topics.get(1).get("notCovered").intValue()).isEqualTo(1);
	}

	@Test
	void theContentGapReportUsesThePracticesDaysToo() {
		Response feb19 = new Admin(port).get("/api/admin/reports/content-gaps?from=2026-02-19&to=2026-02-19");
		Response feb20 = new Admin(port).get("/api/admin/reports/content-gaps?from=2026-02-20&to=2026-02-20");

		assertThat(feb19.json().get("topics")).extracting(topic -> topic.get("topic").stringValue())
			.containsExactlyInAnyOrder("scar", "cost");
		assertThat(feb20.json().get("questions").intValue()).isZero();
		assertThat(feb20.json().get("topics")).isEmpty();
	}

	@Test
	void aLongerPeriodIncludesEarlierDays() {
		JsonNode dashboard = dashboard(4);

		assertThat(dashboard.get("conversationsPerDay")).hasSize(4);
		assertThat(dashboard.get("conversationsPerDay").get(0).get("total").longValue()).isEqualTo(1);
		assertThat(dashboard.get("funnel").get("conversations").longValue()).isEqualTo(7);
	}

	@Test
	void refusesPeriodsItCannotShow() {
		for (String days : List.of("0", "-3", "367", "thirty", "1e3")) {
			Response response = new Admin(port).get("/api/admin/reports/dashboard?days=" + days);
			assertThat(response.status()).as(days).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		for (String query : List.of("from=yesterday", "from=2026-02-20&to=2026-02-19", "from=2024-01-01&to=2026-01-01",
				"to=2026-13-01")) {
			Response response = new Admin(port).get("/api/admin/reports/content-gaps?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	private JsonNode dashboard(int days) {
		Response response = new Admin(port).get("/api/admin/reports/dashboard?days=" + days);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

}
