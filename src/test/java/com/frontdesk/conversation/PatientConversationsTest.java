package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.conversation.PatientChat.Say;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Patients' chats over real HTTP against the real knowledge folder: every intent, typos, lay words and
 * follow-ups. Each chat is one test; a failure names the chat, the turn, what was expected and what the service
 * returned.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PatientConversationsTest {

	private static final String TITLE = "Minimally Invasive Lateral Fusion";

	private static final String SOURCE_URL = "https://www.example.com/procedures/minimally-invasive-lateral-fusion";

	private static final String PHONE = "+1-555-0100";

	/** Words of the knowledge file that must never appear in an emergency reply: 911 comes before anything else. */
	private static final List<String> CONTENT_PHRASES = List.of("Source:", "incision in your side", "pedicle",
			"candidate", "several months", "bone graft", "scar");

	/** A dose or a schedule of a medicine. */
	private static final Pattern DOSE = Pattern.compile(
			"\\d+\\s*(?:mg|mcg|milligrams?|ml|pills?|tablets?|capsules?)\\b|\\bevery \\d+ hours\\b|\\b\\d+ times a day\\b",
			Pattern.CASE_INSENSITIVE);

	/** Numbers and amounts the practice's content never gives: not_covered must not invent them. */
	private static final Pattern INVENTED = Pattern.compile(
			"[%$\\d]|\\b(?:percent|dollars?|minutes?|hours?|days?|weeks?|months?|years?|usually|typically|most patients)\\b",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	static Stream<PatientChat> chats() {
		return PatientChats.all().stream();
	}

	@Test
	void theSuiteCoversEveryIntentWithEnoughChats() {
		List<PatientChat> chats = PatientChats.all();
		assertThat(chats).hasSizeGreaterThanOrEqualTo(60);
		assertThat(chats.stream().flatMap(c -> c.turns().stream()).map(t -> t.intent).distinct())
			.containsExactlyInAnyOrder("answer", "booking", "emergency", "needs_clinician", "handoff", "not_covered",
					"greeting");
		assertThat(chats).extracting(PatientChat::name).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("chats")
	void patientGetsWhatTheyNeed(PatientChat chat) {
		ChatClient client = new ChatClient(port);
		List<String> transcript = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String conversationId = null;
		for (int i = 0; i < chat.turns().size(); i++) {
			Say turn = chat.turns().get(i);
			Response response = client.chat(conversationId, turn.message);
			String label = "turn " + (i + 1) + " \"" + turn.message + "\"";
			if (response.status() != 200) {
				problems.add(label + ": HTTP " + response.status() + " " + response.body());
				break;
			}
			JsonNode body = response.json();
			String id = body.get("conversationId").stringValue();
			if (conversationId != null && !conversationId.equals(id)) {
				problems.add(label + ": conversation id changed from " + conversationId + " to " + id);
			}
			conversationId = id;
			Reply reply = Reply.of(body);
			transcript.add("  patient: " + turn.message + "\n  frontdesk [" + reply.intent + "] " + oneLine(reply.text)
					+ "\n    citations=" + reply.sections + " actions=" + reply.actionTypes);
			List<String> turnProblems = check(turn, reply);
			turnProblems.forEach(p -> problems.add(label + ": " + p));
		}
		if (!problems.isEmpty()) {
			fail("Chat \"" + chat.name() + "\" failed:\n- " + String.join("\n- ", problems) + "\nTranscript:\n"
					+ String.join("\n", transcript));
		}
	}

	/** What the patient must get on one turn; an empty list means the reply is right. */
	private static List<String> check(Say turn, Reply reply) {
		List<String> problems = new ArrayList<>();
		if (!turn.intent.equals(reply.intent)) {
			problems.add("expected intent " + turn.intent + " but got " + reply.intent + " (reply starts: \""
					+ start(reply.text) + "\")");
		}
		String lower = reply.text.toLowerCase(Locale.ROOT);
		for (String word : turn.says) {
			if (!lower.contains(word.toLowerCase(Locale.ROOT))) {
				problems.add("reply should say \"" + word + "\" (reply starts: \"" + start(reply.text) + "\")");
			}
		}
		for (String word : turn.neverSays) {
			if (lower.contains(word.toLowerCase(Locale.ROOT))) {
				problems.add("reply must not say \"" + word + "\"");
			}
		}
		for (String section : turn.cites) {
			if (reply.sections.stream().noneMatch(s -> s.contains(section))) {
				problems.add("should cite section \"" + section + "\" but cited " + reply.sections);
			}
		}
		for (String type : turn.offers) {
			if (!reply.actionTypes.contains(type)) {
				problems.add("should offer a " + type + " action but offered " + reply.actionTypes);
			}
		}
		switch (turn.intent) {
			case "answer" -> answerRules(reply, problems);
			case "booking" -> bookingRules(reply, problems);
			case "emergency" -> emergencyRules(turn, reply, problems);
			case "needs_clinician" -> clinicianRules(reply, problems);
			case "handoff" -> handoffRules(reply, problems);
			case "not_covered" -> notCoveredRules(reply, problems);
			case "greeting" -> greetingRules(reply, problems);
			default -> problems.add("unknown expected intent " + turn.intent);
		}
		return problems;
	}

	private static void answerRules(Reply reply, List<String> problems) {
		if (reply.citations.isEmpty()) {
			problems.add("an answer must cite its source but has no citations");
		}
		for (JsonNode citation : reply.citations) {
			if (!TITLE.equals(citation.get("title").stringValue())
					|| !SOURCE_URL.equals(citation.get("url").stringValue())) {
				problems.add("citation should be " + TITLE + " at " + SOURCE_URL + " but was " + citation);
			}
		}
		if (!reply.text.contains("Source")) {
			problems.add("an answer must name its source in the reply");
		}
	}

	private static void bookingRules(Reply reply, List<String> problems) {
		if (reply.actions.stream().noneMatch(a -> a.has("url")
				&& "https://www.example.com/book".equals(a.get("url").stringValue()))) {
			problems.add("booking must link to the booking page: " + reply.actionTypes);
		}
	}

	private static void emergencyRules(Say turn, Reply reply, List<String> problems) {
		if (!reply.citations.isEmpty()) {
			problems.add("an emergency reply must not cite content but cited " + reply.sections);
		}
		String lower = reply.text.toLowerCase(Locale.ROOT);
		for (String phrase : CONTENT_PHRASES) {
			if (lower.contains(phrase.toLowerCase(Locale.ROOT))) {
				problems.add("an emergency reply must not carry FAQ content, but says \"" + phrase + "\"");
			}
		}
		if (reply.actionTypes.isEmpty() || !"emergency".equals(reply.actionTypes.get(0))) {
			problems.add("the first action must be the emergency one, but actions were " + reply.actionTypes);
		}
		if (turn.selfHarm) {
			for (String number : List.of("988", "911")) {
				if (reply.actions.stream().noneMatch(a -> a.has("phone") && number.equals(a.get("phone").stringValue()))) {
					problems.add("self-harm must offer a button to call " + number + ": " + reply.actionTypes);
				}
			}
		}
		else {
			int call911 = lower.indexOf("call 911");
			if (call911 < 0 || call911 > 120) {
				problems.add("an emergency reply must tell the patient to call 911 first (reply starts: \""
						+ start(reply.text) + "\")");
			}
			if (reply.actions.stream().noneMatch(a -> a.has("phone") && "911".equals(a.get("phone").stringValue()))) {
				problems.add("an emergency must offer a button to call 911");
			}
		}
	}

	private static void clinicianRules(Reply reply, List<String> problems) {
		if (DOSE.matcher(reply.text).find()) {
			problems.add("must never give a dose, but the reply says: " + oneLine(reply.text));
		}
		if (!reply.citations.isEmpty()) {
			problems.add("personal medical advice must not be answered from the content, but cited " + reply.sections);
		}
		if (!reply.text.contains(PHONE)) {
			problems.add("must give the practice's phone number");
		}
	}

	private static void handoffRules(Reply reply, List<String> problems) {
		if (reply.actions.stream().noneMatch(a -> a.has("phone") && PHONE.equals(a.get("phone").stringValue()))) {
			problems.add("a handoff must offer to call the practice at " + PHONE + ": " + reply.actionTypes);
		}
	}

	private static void notCoveredRules(Reply reply, List<String> problems) {
		if (!reply.citations.isEmpty()) {
			problems.add("not covered must not quote content, but cited " + reply.sections);
		}
		String withoutNumbers = reply.text.replace(PHONE, "").replace("911", "");
		var invented = INVENTED.matcher(withoutNumbers);
		if (invented.find()) {
			problems.add("not covered must not invent numbers or timings, but says \"" + invented.group() + "\": "
					+ oneLine(reply.text));
		}
	}

	private static void greetingRules(Reply reply, List<String> problems) {
		if (!reply.citations.isEmpty()) {
			problems.add("a greeting must not cite content, but cited " + reply.sections);
		}
		if (reply.actionTypes.contains("emergency")) {
			problems.add("a greeting must not raise an emergency");
		}
	}

	private static String start(String text) {
		String flat = oneLine(text);
		return flat.length() <= 100 ? flat : flat.substring(0, 100) + "...";
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

	/** The parts of a reply the checks look at. */
	private record Reply(String intent, String text, List<JsonNode> citations, List<String> sections,
			List<JsonNode> actions, List<String> actionTypes) {

		static Reply of(JsonNode body) {
			List<JsonNode> citations = elements(body.get("citations"));
			List<JsonNode> actions = elements(body.get("actions"));
			return new Reply(body.get("intent").stringValue(), body.get("reply").stringValue(), citations,
					citations.stream().map(c -> c.get("section").stringValue()).toList(), actions,
					actions.stream().map(a -> a.get("type").stringValue()).toList());
		}

		private static List<JsonNode> elements(JsonNode array) {
			List<JsonNode> elements = new ArrayList<>();
			for (int i = 0; array != null && i < array.size(); i++) {
				elements.add(array.get(i));
			}
			return elements;
		}

	}

}
