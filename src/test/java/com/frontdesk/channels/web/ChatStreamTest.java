package com.frontdesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/chat/stream} with the embedded answerer: the same reply as /api/chat, as server-sent events. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatStreamTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	record Event(String name, JsonNode data) {
	}

	@Test
	void streamsMetaTokensCitationsActionsAndDone() {
		List<Event> events = stream("{\"conversationId\": null, \"message\": \"am I a candidate for xlif?\"}");

		assertThat(events).extracting(Event::name).startsWith("meta").endsWith("citations", "actions", "done");
		assertThat(events).extracting(Event::name).contains("token");
		String id = events.get(0).data().get("conversationId").stringValue();
		JsonNode done = events.get(events.size() - 1).data();
		assertThat(done.get("conversationId").stringValue()).isEqualTo(id);
		assertThat(done.get("intent").stringValue()).isEqualTo("answer");
		assertThat(done.get("replyId").stringValue()).as("the stored reply, for feedback").matches("\\d+");
		StringBuilder tokens = new StringBuilder();
		events.stream().filter(e -> e.name().equals("token")).forEach(e -> tokens.append(e.data().get("text").stringValue()));
		assertThat(tokens.toString()).isEqualTo(done.get("reply").stringValue()).contains("physical therapy");
		assertThat(events.get(events.size() - 3).data().get(0).get("section").stringValue())
			.isEqualTo("Who is a good candidate?");
		assertThat(events.get(events.size() - 2).data()).extracting(a -> a.get("type").stringValue()).contains("book");
	}

	@Test
	void anEmergencyStreamsTheEmergencyReply() {
		List<Event> events = stream("{\"message\": \"I suddenly can't feel my legs and lost bladder control\"}");

		JsonNode done = events.get(events.size() - 1).data();
		assertThat(done.get("intent").stringValue()).isEqualTo("emergency");
		assertThat(done.get("reply").stringValue()).startsWith("If you cannot pass urine, have lost control of your bladder or bowels").contains("call 911 now");
		assertThat(events).filteredOn(e -> e.name().equals("actions")).first()
			.satisfies(e -> assertThat(e.data().get(0).get("type").stringValue()).isEqualTo("emergency"));
	}

	@Test
	void aBadRequestIsAPlainProblemNotAStream() {
		ChatClient client = new ChatClient(port);

		assertThat(client.post("/api/chat/stream", "{\"message\": \"  \"}", "application/json").status()).isEqualTo(400);
		assertThat(client.post("/api/chat/stream", "{\"message\": 5}", "application/json").status()).isEqualTo(400);
		ChatClient.Response unknown = client.post("/api/chat/stream",
				"{\"conversationId\": \"nope\", \"message\": \"hi\"}", "application/json");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	private List<Event> stream(String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/stream"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		ChatClient.Response response = new ChatClient(port).send(request);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		return parse(response.body());
	}

	static List<Event> parse(String stream) {
		List<Event> events = new ArrayList<>();
		String name = null;
		StringBuilder data = new StringBuilder();
		for (String line : stream.split("\n", -1)) {
			if (line.startsWith("event:")) {
				name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5));
			}
			else if (line.isEmpty() && name != null) {
				events.add(new Event(name, JSON.readTree(data.toString())));
				name = null;
				data.setLength(0);
			}
		}
		return events;
	}

}
