package com.frontdesk.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.frontdesk.channels.messaging.Eventually;
import com.frontdesk.channels.messaging.MessageRows;
import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.FakePlatforms;
import com.frontdesk.support.KnowledgeFolders;
import com.frontdesk.support.Webhooks;
import com.frontdesk.support.Webhooks.Inbound;
import com.frontdesk.triage.Triage;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two practices on one instance, each with its own WhatsApp number (and Meta app), Twilio number, Facebook page and
 * Telegram bot, over real HTTP with WireMock as the platforms: every message goes to the practice whose account it
 * was sent to, is answered from that account with that practice's details, and is stored under that practice only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { AdminLogin.USERNAME_PROPERTY,
		AdminLogin.HASH_PROPERTY, "frontdesk.admin.accounts[0].username=north-desk",
		"frontdesk.admin.accounts[0].password-hash=" + AdminLogin.PASSWORD_HASH,
		"frontdesk.admin.accounts[0].practice=northside", "frontdesk.admin.accounts[0].role=staff" })
class PracticesOnTheMessagingChannelsTest {

	static final String NORTH_NUMBER_ID = "209900000000001";

	static final String NORTH_APP_SECRET = "north_app_secret";

	static final String NORTH_TWILIO = "+15005550199";

	static final String NORTH_PAGE = "770000000000001";

	static final String NORTH_BOT_SECRET = "north-secret_token-456";

	static final String NORTH_DESK = AdminLogin.basic("north-desk", AdminLogin.PASSWORD);

	static final String OPERATOR = AdminLogin.header();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final AtomicLong ids = new AtomicLong(14155570000L);

	@RegisterExtension
	static final FakePlatforms platforms = new FakePlatforms();

	@DynamicPropertySource
	static void twoPractices(DynamicPropertyRegistry settings) {
		platforms.channels(settings);
		settings.add("frontdesk.channels.messenger.page-id", () -> "682498302938465");
		Map.ofEntries(Map.entry("id", "northside"), Map.entry("profile.name", "Northside Spine Center"),
				Map.entry("profile.phone", "+1-555-0199"), Map.entry("profile.website", "https://northside.example"),
				Map.entry("profile.booking-url", "https://northside.example/book"),
				Map.entry("profile.emergency-number", "999"), Map.entry("channels.whatsapp", NORTH_NUMBER_ID),
				Map.entry("whatsapp.access-token", "EAAG-north-token"), Map.entry("whatsapp.app-secret", NORTH_APP_SECRET),
				Map.entry("channels.sms", NORTH_TWILIO), Map.entry("channels.messenger", NORTH_PAGE),
				Map.entry("messenger.page-access-token", "EAAPage-north"),
				Map.entry("telegram.bot-token", "999:NORTH-token"), Map.entry("telegram.secret-token", NORTH_BOT_SECRET))
			.forEach((name, value) -> settings.add("frontdesk.practices[0]." + name, () -> value));
		settings.add("frontdesk.practices[0].knowledge-dir", KnowledgeFolders::northside);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry metrics;

	@MockitoSpyBean
	Triage triage;

	MessageRows rows;

	@BeforeEach
	void rows() {
		rows = new MessageRows(jdbc);
	}

	@Test
	void aMessageToNorthsidesWhatsAppNumberIsAnsweredFromItAsNorthsideAndStoredUnderNorthside() {
		String from = nextSender();
		String reply = say(northWhatsApp(from, "What number can I call?"), whatsAppTo(NORTH_NUMBER_ID, from),
				Webhooks::whatsAppText);

		assertThat(reply).contains("+1-555-0199").doesNotContain("+1-555-0100");
		assertThat(platforms.findAll(whatsAppTo(NORTH_NUMBER_ID, from)).get(0).getHeader("Authorization"))
			.isEqualTo("Bearer EAAG-north-token");
		assertThat(platforms.findAll(whatsAppTo("106540352242922", from))).as("nothing from the default's number")
			.isEmpty();
		String conversation = conversationOf("northside", "whatsapp", from);
		assertThat(jdbc.sql("select practice_id from conversation where id = ?").param(conversation).query(String.class)
			.single()).isEqualTo("northside");
		assertThat(adminConversations(NORTH_DESK)).contains(conversation);
		assertThat(adminConversations(OPERATOR)).doesNotContain(conversation);
	}

	@Test
	void theSameSenderWritingToBothPracticesIsTwoContactsWithTwoConversations() {
		String from = nextSender();
		String sample = say(Webhooks.whatsApp(from, "wamid.s-" + from, "What number can I call?"),
				whatsAppTo("106540352242922", from), Webhooks::whatsAppText);
		String north = say(northWhatsApp(from, "What number can I call?"), whatsAppTo(NORTH_NUMBER_ID, from),
				Webhooks::whatsAppText);

		assertThat(sample).contains("+1-555-0100").doesNotContain("+1-555-0199");
		assertThat(north).contains("+1-555-0199").doesNotContain("+1-555-0100");
		assertThat(conversationOf("default", "whatsapp", from)).isNotEqualTo(conversationOf("northside", "whatsapp", from));
		assertThat(adminConversations(OPERATOR)).contains(conversationOf("default", "whatsapp", from))
			.doesNotContain(conversationOf("northside", "whatsapp", from));
	}

	@Test
	void aMessageForNorthsideSignedWithAnotherAppsSecretIsRefusedAndNothingIsStored() {
		String from = nextSender();
		Inbound forged = Webhooks.whatsApp(NORTH_NUMBER_ID, Webhooks.APP_SECRET, from, "wamid.forged-" + from, "hello");
		Inbound unknownSecret = Webhooks.whatsApp(NORTH_NUMBER_ID, "not_a_secret_here", from, "wamid.x-" + from, "hi");

		assertThat(client().send(forged.request(port)).status()).isEqualTo(403);
		assertThat(client().send(unknownSecret.request(port)).status()).isEqualTo(403);
		assertThat(rows.count("whatsapp", "wamid.forged-" + from)).isZero();
		assertThat(rows.count("whatsapp", "wamid.x-" + from)).isZero();
	}

	@Test
	void aMessageToAnAccountOfNoPracticeIsAcknowledgedAndDroppedNeverGivenToTheDefaultPractice() {
		String from = nextSender();
		double before = unrouted("whatsapp") + unrouted("sms") + unrouted("telegram");

		assertThat(client().send(Webhooks.whatsApp("123456123", Webhooks.APP_SECRET, from, "wamid.lost-" + from, "hello")
			.request(port)).status()).isEqualTo(200);
		assertThat(client().send(Webhooks.sms("+15005550777", "SMlost" + from, "+" + from, "hello").request(port))
			.status()).isEqualTo(200);
		assertThat(client().send(Webhooks.telegram("/webhooks/telegram/southside", NORTH_BOT_SECRET, 1, Long.parseLong(from),
				"hello").request(port)).status()).isEqualTo(200);

		assertThat(rows.count("whatsapp", "wamid.lost-" + from)).isZero();
		assertThat(rows.count("sms", "SMlost" + from)).isZero();
		assertThat(unrouted("whatsapp") + unrouted("sms") + unrouted("telegram")).isEqualTo(before + 3);
	}

	@Test
	void northsidesTwilioNumberAnswersAsNorthsideFromThatNumber() {
		String from = "+" + nextSender();
		String reply = say(Webhooks.sms(NORTH_TWILIO, "SMn" + ids.incrementAndGet(), from, "What number can I call?"),
				smsTo(from), Webhooks::smsBody);
		String help = say(Webhooks.sms(NORTH_TWILIO, "SMn" + ids.incrementAndGet(), from, "HELP"), smsTo(from),
				Webhooks::smsBody);

		assertThat(reply).contains("+1-555-0199").doesNotContain("+1-555-0100");
		assertThat(help).startsWith("Northside Spine Center virtual assistant").contains("call 999");
		assertThat(platforms.findAll(smsTo(from))).allSatisfy(
				sent -> assertThat(sent.formParameters().get("From").firstValue()).isEqualTo(NORTH_TWILIO));
		assertThat(adminConversations(NORTH_DESK)).contains(conversationOf("northside", "sms", from));
	}

	@Test
	void northsidesPageAndBotAnswerWithTheirOwnTokens() {
		String psid = nextSender();
		String page = say(messengerTo(NORTH_PAGE, psid, "What number can I call?"),
				postRequestedFor(urlPathEqualTo("/v23.0/me/messages"))
					.withQueryParam("access_token", equalTo("EAAPage-north"))
					.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid))),
				sent -> JSON.readTree(sent.getBodyAsString()).at("/message/text").stringValue());
		long chat = Long.parseLong(nextSender());
		String bot = say(Webhooks.telegram("/webhooks/telegram/northside", NORTH_BOT_SECRET, chat, chat,
				"What number can I call?"),
				postRequestedFor(urlEqualTo("/bot999:NORTH-token/sendMessage"))
					.withRequestBody(matchingJsonPath("$.chat_id", equalTo(String.valueOf(chat)))),
				sent -> JSON.readTree(sent.getBodyAsString()).get("text").stringValue());

		assertThat(page).contains("+1-555-0199");
		assertThat(bot).contains("+1-555-0199");
		assertThat(client().send(Webhooks.telegram("/webhooks/telegram/northside", Webhooks.TELEGRAM_SECRET, chat + 1, chat,
				"hello").request(port)).status()).as("the default bot's secret is not Northside's").isEqualTo(403);
	}

	@Test
	void aRedFlagOnWhatsAppIsTriagedOnceStoredOnceAndAnsweredOnceWithNorthsidesEmergencyNumber() {
		String from = nextSender();
		String redFlag = "I can't feel my legs and I wet myself since this morning " + from;
		clearInvocations(triage);

		String reply = say(northWhatsApp(from, redFlag), whatsAppTo(NORTH_NUMBER_ID, from), Webhooks::whatsAppText);

		assertThat(reply).contains("999").doesNotContain("911");
		assertThat(platforms.findAll(whatsAppTo(NORTH_NUMBER_ID, from))).hasSize(1);
		verify(triage, times(1)).assess(contains(from));
		assertThat(jdbc.sql("select intent from turn where conversation_id = ?")
			.param(conversationOf("northside", "whatsapp", from))
			.query(String.class)
			.list()).containsExactly("emergency");
	}

	@Test
	void aCallbackRequestOverSmsGoesThroughThePipelineOnceATurnAndIsNorthsides() {
		String from = "+" + nextSender();
		clearInvocations(triage);
		assertThat(text(from, "CALL")).startsWith("Happy to arrange a call back from Northside Spine Center")
			.contains("reply EXIT");
		assertThat(text(from, "Ana North")).startsWith("Thank you. Shall we call you on");
		assertThat(text(from, "YES")).as("YES answers the exchange, no opt-in").startsWith("When is the best time");
		assertThat(text(from, "1")).contains("in an emergency call 999");
		assertThat(text(from, "skip")).startsWith("I agree that Northside Spine Center may contact me");
		assertThat(text(from, "yes")).startsWith("Thank you, we have your request.");

		verify(triage, times(1)).assess(contains("Ana North"));
		String conversation = conversationOf("northside", "sms", from);
		assertThat(jdbc.sql("select question from turn where conversation_id = ? order by id")
			.param(conversation)
			.query(String.class)
			.list()).containsExactly("CALL", "Ana North", "YES", "1", "skip", "yes");
		Map<String, Object> request = jdbc.sql("select * from callback_request where phone = ?").param(from).query()
			.singleRow();
		assertThat(request).containsEntry("practice_id", "northside")
			.containsEntry("conversation_id", conversation)
			.containsEntry("channel", "sms");
		assertThat(values(client().call("GET", "/api/admin/callbacks", NORTH_DESK).json(), "name")).contains("Ana North");
		assertThat(values(client().call("GET", "/api/admin/callbacks", OPERATOR).json(), "name"))
			.doesNotContain("Ana North");
	}

	@Test
	void anEmergencyInTheMiddleOfACallbackRequestOnWhatsAppEndsItWithOneEmergencyReply() {
		String from = nextSender();
		say(northWhatsApp(from, "CALL"), whatsAppTo(NORTH_NUMBER_ID, from), Webhooks::whatsAppText);
		say(northWhatsApp(from, "Dana North"), whatsAppTo(NORTH_NUMBER_ID, from), Webhooks::whatsAppText);
		int sent = platforms.findAll(whatsAppTo(NORTH_NUMBER_ID, from)).size();

		String reply = say(northWhatsApp(from, "I suddenly can't feel my legs and lost bladder control"),
				whatsAppTo(NORTH_NUMBER_ID, from), Webhooks::whatsAppText);

		assertThat(reply).contains("call 999 now");
		assertThat(platforms.findAll(whatsAppTo(NORTH_NUMBER_ID, from))).hasSize(sent + 1);
		assertThat(jdbc.sql("select count(*) from callback_form where sender = ?").param(from).query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select intent from turn where conversation_id = ? order by id")
			.param(conversationOf("northside", "whatsapp", from))
			.query(String.class)
			.list()).containsExactly("booking", "booking", "emergency");
	}

	private String text(String from, String body) {
		return say(Webhooks.sms(NORTH_TWILIO, "SMc" + ids.incrementAndGet(), from, body), smsTo(from),
				Webhooks::smsBody);
	}

	private Inbound northWhatsApp(String from, String text) {
		return Webhooks.whatsApp(NORTH_NUMBER_ID, NORTH_APP_SECRET, from, "wamid.n" + ids.incrementAndGet(), text);
	}

	/** A Messenger text event for a page, shaped like messenger-text.json, signed with the default app's secret. */
	private static Inbound messengerTo(String page, String psid, String text) {
		Inbound event = Webhooks.messenger(psid, "m_n" + ids.incrementAndGet(), text);
		return event.withBody(new String(event.body(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"id\": \"682498302938465\"", "\"id\": \"" + page + "\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Delivers the request and returns what was sent back for it. */
	private String say(Inbound request, RequestPatternBuilder replies, Function<LoggedRequest, String> text) {
		int before = platforms.findAll(replies).size();
		assertThat(client().send(request.request(port)).status()).isEqualTo(200);
		Eventually.until("the reply is sent", () -> platforms.findAll(replies).size() > before);
		List<LoggedRequest> sent = platforms.findAll(replies);
		return sent.subList(before, sent.size()).stream().map(text).collect(Collectors.joining("\n\n"));
	}

	private static RequestPatternBuilder whatsAppTo(String numberId, String to) {
		return postRequestedFor(urlEqualTo("/v23.0/" + numberId + "/messages"))
			.withRequestBody(matchingJsonPath("$.to", equalTo(to)));
	}

	private static RequestPatternBuilder smsTo(String to) {
		return postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + Webhooks.TWILIO_ACCOUNT + "/Messages.json"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
					"To=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8) + "&"));
	}

	private String conversationOf(String practice, String channel, String sender) {
		return jdbc.sql("select conversation_id from channel_contact where practice_id = ? and channel = ? and sender = ?")
			.params(practice, channel, sender)
			.query(String.class)
			.single();
	}

	private List<String> adminConversations(String authorization) {
		ChatClient.Response list = client().call("GET", "/api/admin/conversations", authorization);
		assertThat(list.status()).isEqualTo(200);
		return values(list.json().get("items"), "id");
	}

	private double unrouted(String channel) {
		var counter = metrics.find("frontdesk.webhook.unrouted").tag("channel", channel).counter();
		return counter == null ? 0 : counter.count();
	}

	private static List<String> values(JsonNode array, String field) {
		return ChatClient.values(array, field);
	}

	private ChatClient client() {
		return new ChatClient(port);
	}

	private static String nextSender() {
		return String.valueOf(ids.incrementAndGet());
	}

}
