package com.frontdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.Postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/** Feedback, the admin's conversations, deletion and both reports run the same on a real PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminLogin.USERNAME_PROPERTY, AdminLogin.HASH_PROPERTY,
				"frontdesk.practice.time-zone=Europe/Madrid" })
class PostgresInsightsTest {

	static final EmbeddedPostgres POSTGRES = Postgres.start();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		Postgres.register(POSTGRES, registry);
	}

	@AfterAll
	static void stop() throws IOException {
		POSTGRES.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWholeAdminViewWorksOnPostgres() {
		Patient asks = new Patient(port);
		asks.asks("Will lateral fusion leave a big scar?");
		asks.rates("up", null);
		asks.rates("down", "too short");
		asks.asks("How much does lateral fusion cost?");
		Patient books = new Patient(port);
		books.asks("I'd like to book a consultation");
		CallbackRequests.leave(jdbc, books.conversationId(), OffsetDateTime.now());
		Admin admin = new Admin(port);

		JsonNode list = admin.get("/api/admin/conversations?channel=web&intent=answer&page=0&size=10").json();
		assertThat(list.get("total").longValue()).isEqualTo(1);
		assertThat(list.get("items").get(0).get("lastIntent").stringValue()).isEqualTo("not_covered");
		assertThat(list.get("items").get(0).get("turns").intValue()).isEqualTo(2);
		JsonNode turns = admin.get("/api/admin/conversations/" + asks.conversationId()).json().get("turns");
		assertThat(turns.get(0).get("feedback").get("rating").stringValue()).isEqualTo("down");
		assertThat(turns.get(0).get("confidence").doubleValue()).as("a plain answer").isBetween(0.91, 1.0);

		JsonNode gaps = admin.get("/api/admin/reports/content-gaps").json();
		assertThat(gaps.get("timeZone").stringValue()).isEqualTo("Europe/Madrid");
		assertThat(gaps.get("topics")).extracting(t -> t.get("topic").stringValue()).containsExactly("cost", "scar");
		JsonNode dashboard = admin.get("/api/admin/reports/dashboard?days=7").json();
		assertThat(dashboard.get("funnel").get("conversations").longValue()).isEqualTo(2);
		assertThat(dashboard.get("funnel").get("withBooking").longValue()).isEqualTo(1);
		assertThat(dashboard.get("funnel").get("withCallbackRequest").longValue()).isEqualTo(1);
		assertThat(dashboard.get("feedback").get("down").longValue()).isEqualTo(1);
		assertThat(dashboard.get("conversationsPerDay").get(6).get("total").longValue()).isEqualTo(2);

		assertThat(admin.delete("/api/admin/conversations/" + books.conversationId()).status()).isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from callback_request").query(Integer.class).single()).isZero();
		assertThat(admin.get("/api/admin/conversations").json().get("total").longValue()).isEqualTo(1);
	}

}
