package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.support.ChatClient;

/** Every turn is in the embedded database, so a restart of the service loses nothing. */
class ConversationPersistenceTest {

	@TempDir
	Path dataDir;

	@Test
	void aConversationContinuesAfterARestart() {
		String id;
		try (ConfigurableApplicationContext app = start()) {
			ChatClient client = client(app);
			id = client.chat(null, "What is lateral fusion?").text("conversationId");
			assertThat(client.chat(id, "I want to book a consultation").text("intent")).isEqualTo("booking");
		}

		try (ConfigurableApplicationContext app = start()) {
			ChatClient client = client(app);
			ChatClient.Response followUp = client.chat(id, "and will it leave a scar?");

			assertThat(followUp.status()).isEqualTo(200);
			assertThat(followUp.text("intent")).isEqualTo("answer");
			assertThat(followUp.text("reply")).contains("one small scar on your side");
			List<Turn> turns = app.getBean(ConversationStore.class).turns(id);
			assertThat(turns).extracting(Turn::intent).containsExactly(Intent.ANSWER, Intent.BOOKING, Intent.ANSWER);
			assertThat(turns.get(0).question()).isEqualTo("What is lateral fusion?");
			assertThat(turns.get(0).citations()).isNotEmpty();
			assertThat(turns.get(1).actions()).extracting(a -> a.type()).containsExactly("book", "call", "callback");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FrontdeskApplication.class)
			.run("--server.port=0", "--frontdesk.data-dir=" + dataDir, "--frontdesk.knowledge.watch=false");
	}

	private static ChatClient client(ConfigurableApplicationContext app) {
		return new ChatClient(((WebServerApplicationContext) app).getWebServer().getPort());
	}

}
