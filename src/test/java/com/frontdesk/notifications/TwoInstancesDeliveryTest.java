package com.frontdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.FrontdeskApplication;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.practice.PracticeId;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances behind a load balancer share one database: every notice reaches the practice exactly once, and a
 * request submitted to both at once is stored once. On the embedded H2 (two applications on one in-memory database)
 * and on a real PostgreSQL.
 */
class TwoInstancesDeliveryTest {

	static final int NOTICES = 40;

	static final PracticeWebhook webhook = new PracticeWebhook();

	@AfterAll
	static void stop() {
		webhook.close();
	}

	@Test
	void h2() throws Exception {
		String url = "jdbc:h2:mem:frontdesk-two-" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		twoInstancesDeliverEachNoticeOnce(url, "sa", "");
	}

	@Test
	void postgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			twoInstancesDeliverEachNoticeOnce(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
	}

	private void twoInstancesDeliverEachNoticeOnce(String url, String user, String password) throws Exception {
		webhook.reset();
		webhook.slow(25);
		try (ConfigurableApplicationContext one = start(url, user, password);
				ConfigurableApplicationContext two = start(url, user, password);
				ExecutorService senders = Executors.newFixedThreadPool(4)) {
			List<Callable<String>> work = new ArrayList<>();
			for (int i = 0; i < NOTICES; i++) {
				PracticeNotifications instance = (i % 2 == 0 ? one : two).getBean(PracticeNotifications.class);
				String text = "notice " + i;
				work.add(() -> instance.enqueue(PracticeNotice.of(PracticeId.DEFAULT, "test_notice", null, "web", text, Map.of("n", text))));
			}
			List<String> keys = new ArrayList<>();
			for (Future<String> key : senders.invokeAll(work)) {
				keys.add(key.get());
			}

			CallbackRequests first = one.getBean(CallbackRequests.class);
			CallbackRequests second = two.getBean(CallbackRequests.class);
			Callable<CallbackReceipt> viaOne = () -> first.submit(doubleClick(first));
			Callable<CallbackReceipt> viaTwo = () -> second.submit(doubleClick(second));
			List<Future<CallbackReceipt>> receipts = senders.invokeAll(List.of(viaOne, viaTwo, viaOne, viaTwo));

			PracticeNotifications notifications = one.getBean(PracticeNotifications.class);
			Eventually.until("every notice is delivered", () -> notifications.backlog() == 0);
			List<String> ids = new ArrayList<>();
			for (Future<CallbackReceipt> receipt : receipts) {
				ids.add(receipt.get().id());
			}
			assertThat(ids).containsOnly(ids.get(0));
			assertThat(one.getBean(JdbcClient.class)
				.sql("select count(*) from callback_request where phone = '+13035550123'")
				.query(Integer.class)
				.single()).isEqualTo(1);

			List<String> delivered = webhook.received().stream().map(r -> r.getHeader("Idempotency-Key")).toList();
			assertThat(delivered).as("each notice delivered once").hasSize(NOTICES + 1).doesNotHaveDuplicates();
			assertThat(delivered).containsAll(keys);
			assertThat(webhook.received()).allMatch(PracticeWebhook::signedBySharedSecret);
		}
	}

	private static CallbackSubmission doubleClick(CallbackRequests callbacks) {
		return new CallbackSubmission(com.frontdesk.practice.PracticeId.DEFAULT, null, "web", "Gil Park", "303 555 0123", null, "evening", null, true,
				callbacks.consentWording(com.frontdesk.practice.PracticeId.DEFAULT).version(), "same-click-on-two-instances");
	}

	private static ConfigurableApplicationContext start(String url, String user, String password) throws IOException {
		return new SpringApplicationBuilder(FrontdeskApplication.class).run("--server.port=0",
				"--frontdesk.data-dir=" + Files.createTempDirectory("frontdesk-instance"),
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--frontdesk.knowledge.watch=false",
				"--frontdesk.retrieval.vectors.enabled=false", "--frontdesk.notifications.webhook.url=" + webhook.url(),
				"--frontdesk.notifications.webhook.secret=" + PracticeWebhook.SECRET,
				"--frontdesk.notifications.poll-interval=20ms", "--frontdesk.notifications.batch-size=5");
	}

}
