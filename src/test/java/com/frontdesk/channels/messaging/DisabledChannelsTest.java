package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.support.ChatClient.Response;
import com.frontdesk.support.ChatClient;

/** Out of the box no messaging channel is enabled: their webhooks answer 404 problems and store nothing. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DisabledChannelsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyWebhookOfADisabledChannelIs404() {
		ChatClient client = new ChatClient(port);
		for (String channel : new String[] { "whatsapp", "messenger", "telegram" }) {
			String file = channel.equals("telegram") ? "telegram-update-text.json" : channel + "-text.json";
			Response post = client.post("/webhooks/" + channel, Fixtures.bytes(file), "application/json");

			assertThat(post.status()).as(channel).isEqualTo(404);
			assertThat(post.contentType()).startsWith("application/problem+json");
			assertThat(post.json().get("type").stringValue()).isEqualTo("urn:frontdesk:problem:channel-disabled");
		}
		assertThat(client.post("/webhooks/sms", Fixtures.bytes("twilio-sms.form"), "application/x-www-form-urlencoded")
			.status()).isEqualTo(404);
		assertThat(client.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1").status())
			.isEqualTo(404);
		assertThat(client.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1").status())
			.isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from channel_message").query(Integer.class).single()).isZero();
	}

}
