package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.support.KnowledgeFolders;

/**
 * A practice's setting that no part of Frontdesk reads stops the start with its name, instead of the practice running
 * quietly without it (a misspelt notifications URL would lose every notice).
 */
class PracticeSettingsCheckTest {

	/** Another module's part of a practice's settings, as booking's notifications are. */
	@ConfigurationProperties("frontdesk")
	record NoticeParts(List<Entry> practices) {

		record Entry(String id, Notifications notifications) {
		}

		record Notifications(Webhook webhook, Duration every) {
		}

		record Webhook(String url, String secret) {
		}

	}

	static final List<Type> PARTS = PracticeSettingsCheck.parts(List.of(new PracticesProperties(List.of()),
			new NoticeParts(List.of())));

	@Test
	void everyModulesPartOfAPracticeIsKnownInAnySpelling() {
		assertThat(unknown("frontdesk.practices[0].id", "frontdesk.practices[0].knowledge-dir",
				"frontdesk.practices[0].profile.booking-url", "frontdesk.practices[0].profile.hours.monday",
				"frontdesk.practices[0].profile.closed-on[1]", "frontdesk.practices[1].allowed-origins[0]",
				"frontdesk.practices[1].texts.[handoff.requested]", "frontdesk.practices[1].channels.whatsapp",
				"frontdesk.practices[1].notifications.webhook.url", "frontdesk.practices[1].notifications.every"))
			.isEmpty();
	}

	@Test
	void aMisspeltOrMisplacedKeyIsNamedWithoutItsValue() {
		assertThat(unknown("frontdesk.practices[0].notifications.webhok.url", "frontdesk.practices[0].profile.phon",
				"frontdesk.practices[1].knowledge-dir.extra", "frontdesk.practices[1].webhook.url",
				"frontdesk.practices[1].notifications.webhook.url"))
			.containsExactly("[0].notifications.webhok.url", "[0].profile.phon", "[1].knowledge-dir.extra",
					"[1].webhook.url");
	}

	@Test
	void theRealAppRefusesToStartWithAMisspeltPracticeSetting() throws Exception {
		String data = Files.createTempDirectory("frontdesk-settings").toString();

		assertThatThrownBy(() -> new SpringApplicationBuilder(FrontdeskApplication.class).run("--server.port=0",
				"--frontdesk.data-dir=" + data, "--frontdesk.knowledge.watch=false",
				"--frontdesk.practices[0].id=northside", "--frontdesk.practices[0].knowledge-dir=" + KnowledgeFolders.northside(),
				"--frontdesk.practices[0].notifications.webhook.url=https://hooks.northside.example/frontdesk",
				"--frontdesk.practices[0].notifications.webhook.secret=northside-notice-secret-0123456789",
				"--frontdesk.practices[0].retention.conversations=30d",
				"--frontdesk.practices[0].sms.auth-tokn=never-printed"))
			.hasStackTraceContaining("[0].sms.auth-tokn")
			.satisfies(failure -> assertThat(Stream.iterate(failure, t -> t != null, Throwable::getCause)
				.map(Throwable::getMessage)).noneMatch(message -> message != null && message.contains("never-printed")))
			.satisfies(failure -> assertThat(Stream.iterate(failure, t -> t != null, Throwable::getCause)
				.map(Throwable::getMessage)).noneMatch(message -> message != null
						&& (message.contains("notifications.webhook.url") || message.contains("retention"))));
	}

	private static List<String> unknown(String... names) {
		return PracticeSettingsCheck.unknown(Stream.of(names).map(ConfigurationPropertyName::of).toList(), PARTS);
	}

}
