package com.frontdesk.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.retrieval.KnowledgeIndexes;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.PostgresDatabases;
import com.frontdesk.support.Webhooks;

import tools.jackson.databind.JsonNode;

/**
 * Two Frontdesk instances on this machine (two application contexts on their own ports) behind an imaginary load
 * balancer, sharing one PostgreSQL: a website conversation served alternately by both keeps its context and its
 * whole history; a WhatsApp patient whose messages arrive at both, quickly one after the other, gets every message
 * answered exactly once, in order, in one conversation; an admin re-index reaches both, and a locked admin account is
 * locked on both; and what an instance claimed
 * but did not finish is taken over by the other once it is gone, never while it is alive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

	@RegisterExtension
	static final FakePlatforms PLATFORMS = new FakePlatforms();

	/** A second staff account, which one test locks (one failure locks here). */
	static final String LOCUM = "locum";

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static JdbcClient jdbc;

	@BeforeAll
	static void startTwoInstances() throws IOException {
		String database = PostgresDatabases.fresh("two_instances");
		first = start(database);
		second = start(database);
		jdbc = second.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null && context.isActive()) {
				context.close();
			}
		}
	}

	@Test
	@Order(1)
	void oneWebsiteConversationServedAlternatelyKeepsItsContextAndHistory() {
		List<ChatClient> instances = List.of(client(first), client(second));
		List<String> questions = List.of("what are pedicle screws?", "and the scars?", "how is lateral fusion done?",
				"am I a candidate?", "I want to book", "thanks");
		String id = null;
		List<JsonNode> replies = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			JsonNode reply = instances.get(i % 2).chat(id, questions.get(i)).json();
			id = reply.get("conversationId").stringValue();
			replies.add(reply);
		}
		String streamed = instances.get(0).post("/api/chat/stream",
				"{\"conversationId\": \"" + id + "\", \"message\": \"and the scars?\"}", "application/json").body();

		assertThat(replies).extracting(r -> r.get("conversationId").stringValue()).containsOnly(id);
		assertThat(replies.get(1).get("citations").get(0).get("section").stringValue())
			.as("the follow-up on the other instance knows what the conversation is about").isEqualTo("Scars");
		assertThat(replies).extracting(r -> r.get("intent").stringValue())
			.containsExactly("answer", "answer", "answer", "answer", "booking", "greeting");
		assertThat(streamed).contains("event:done").contains("Scars");
		for (ChatClient instance : instances) {
			JsonNode turns = instance.get("/api/conversations/" + id).json().get("turns");
			assertThat(turns).extracting(t -> t.get("question").stringValue()).containsExactly("what are pedicle screws?",
					"and the scars?", "how is lateral fusion done?", "am I a candidate?", "I want to book", "thanks",
					"and the scars?");
		}
	}

	@Test
	@Order(2)
	void aMessagingConversationSplitAcrossInstancesIsAnsweredOnceEachInOrder() {
		String sender = "15550002002";
		List<String> texts = List.of("What is lateral fusion?", "will it leave a scar?", "what are pedicle screws?",
				"hello", "how is it done?", "thanks", "am I a candidate?", "I want to book");
		for (int i = 0; i < texts.size(); i++) {
			Webhooks.Inbound message = Webhooks.whatsApp(sender, "wamid.split-" + i, texts.get(i));
			ChatClient instance = client(i % 2 == 0 ? first : second);
			assertThat(instance.send(message.request(port(i % 2 == 0 ? first : second))).status()).isEqualTo(200);
		}
		Webhooks.Inbound redelivered = Webhooks.whatsApp(sender, "wamid.split-3", texts.get(3));
		assertThat(client(first).send(redelivered.request(port(first))).status()).isEqualTo(200);

		Eventually.until("every message is answered", () -> count(
				"select count(*) from channel_message where sender = '" + sender + "' and status = 'answered'") == texts.size());
		List<String> conversations = jdbc.sql("select conversation_id from channel_contact where sender = ?")
			.param(sender)
			.query(String.class)
			.list();
		assertThat(conversations).hasSize(1);
		assertThat(jdbc.sql("select question from turn where conversation_id = ? order by id")
			.param(conversations.get(0))
			.query(String.class)
			.list()).as("each once, in the order they arrived").containsExactlyElementsOf(texts);
		assertThat(PLATFORMS.findAll(postRequestedFor(urlPathMatching("/v23.0/[0-9]+/messages"))
			.withRequestBody(matchingJsonPath("$.to", equalTo(sender))))).as("one reply each").hasSize(texts.size());
		assertThat(jdbc.sql("select distinct claimed_by from channel_message where sender = ?")
			.param(sender)
			.query(String.class)
			.list()).as("who answered is recorded").doesNotContainNull();
	}

	@Test
	@Order(2)
	void anAdminReindexReachesTheOtherInstance() {
		Instant before = second.getBean(KnowledgeIndexes.class).status(PracticeId.DEFAULT).indexedAt();

		ChatClient.Response reindexed = client(first).send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port(first) + "/api/admin/knowledge/reindex"))
			.header("Authorization", AdminLogin.header())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(reindexed.status()).isEqualTo(200);
		Eventually.until("the other instance re-indexes",
				() -> second.getBean(KnowledgeIndexes.class).status(PracticeId.DEFAULT).indexedAt().isAfter(before));
	}

	@Test
	@Order(2)
	void aLockedAdminAccountIsLockedOnEveryInstance() {
		ChatClient.Response wrong = client(first).call("GET", "/api/admin/knowledge", AdminLogin.basic(LOCUM, "wrong"));
		ChatClient.Response elsewhere = client(second).call("GET", "/api/admin/knowledge",
				AdminLogin.basic(LOCUM, AdminLogin.PASSWORD));
		ChatClient.Response colleague = client(second).call("GET", "/api/admin/knowledge", AdminLogin.header());

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(elsewhere.status()).as("the lock is in the shared database").isEqualTo(429);
		assertThat(elsewhere.json().get("lockedUntil").isString()).isTrue();
		assertThat(colleague.status()).as("another account from the same address").isEqualTo(200);
		assertThat(client(first).call("GET", "/api/admin/me", AdminLogin.header()).json().get("lastLockedAt").isNull())
			.isTrue();
	}

	/** Last: it stops the first instance. */
	@Test
	@Order(3)
	void workOfAnInstanceThatIsGoneIsTakenOverButNeverWhileItIsAlive() {
		String dead = "00000000-0000-0000-0000-00000000dead";
		OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);
		jdbc.sql("insert into app_instance (id, started_at, heartbeat_at) values (?, ?, ?)")
			.params(dead, longAgo, longAgo)
			.update();
		String alive = first.getBean(Instances.class).id();
		long crashed = claimedMessage("15550003003", "wamid.crashed", dead);
		long busy = claimedMessage("15550004004", "wamid.busy", alive);

		Eventually.until("the crashed instance's message is answered", () -> "answered".equals(status(crashed)));
		Eventually.settle();
		sleep(3_500);
		assertThat(status(busy)).as("a live instance's claim is left alone").isEqualTo("processing");

		first.close();
		Eventually.until("the stopped instance's message is answered by the other",
				() -> "answered".equals(status(busy)));
		assertThat(jdbc.sql("select claimed_by from channel_message where id = ?").param(busy).query(String.class).single())
			.isEqualTo(second.getBean(Instances.class).id());
	}

	private static long claimedMessage(String sender, String messageId, String instance) {
		Webhooks.Inbound message = Webhooks.whatsApp(sender, messageId, "What is lateral fusion?");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				insert into channel_message (channel, platform_message_id, sender, kind, body, sent_at, received_at, status,
				  claimed_by, claimed_at)
				values ('whatsapp', ?, ?, 'TEXT', 'What is lateral fusion?', ?, ?, 'processing', ?, ?)""")
			.params(messageId, sender, now, now, instance, now)
			.update();
		assertThat(message.path()).isEqualTo("/webhooks/whatsapp");
		return jdbc.sql("select id from channel_message where platform_message_id = ?").param(messageId)
			.query(Long.class)
			.single();
	}

	private static String status(long id) {
		return jdbc.sql("select status from channel_message where id = ?").param(id).query(String.class).single();
	}

	private static int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private static ConfigurableApplicationContext start(String database) throws IOException {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--frontdesk.data-dir=" + Files.createTempDirectory("frontdesk-instance"),
				"--frontdesk.instances.heartbeat=500ms", "--frontdesk.instances.stale-after=2s",
				"--" + AdminLogin.USERNAME_PROPERTY, "--" + AdminLogin.HASH_PROPERTY,
				"--frontdesk.admin.accounts[0].username=" + LOCUM,
				"--frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
				"--frontdesk.admin.sign-in.free-failures=0", "--frontdesk.admin.sign-in.lock-after=1"));
		for (Map.Entry<String, String> setting : PLATFORMS.settings().entrySet()) {
			args.add("--" + setting.getKey() + "=" + setting.getValue());
		}
		return new SpringApplicationBuilder(FrontdeskApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static ChatClient client(ConfigurableApplicationContext context) {
		return new ChatClient(port(context));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
