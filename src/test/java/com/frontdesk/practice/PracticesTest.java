package com.frontdesk.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Which practices a deployment serves, as a host sets them up in a few lines of settings. */
class PracticesTest {

	@Test
	void aSinglePracticeInstallationServesTheDefaultPracticeFromItsOwnSettings() {
		Practices practices = practices(Map.of("frontdesk.practice.name", "Hillside Spine"));

		assertThat(practices.all()).extracting(Practice::id).containsExactly(PracticeId.DEFAULT);
		assertThat(practices.defaultPractice().profile().name()).isEqualTo("Hillside Spine");
		assertThat(practices.several()).isFalse();
	}

	@Test
	void aFurtherPracticeHasItsOwnProfileFolderOriginsAndAccounts() {
		Practices practices = practices(Map.of("frontdesk.practices[0].id", "Northside",
				"frontdesk.practices[0].profile.name", "Northside Spine", "frontdesk.practices[0].profile.phone",
				"+1-555-0199", "frontdesk.practices[0].knowledge-dir", "practices/northside",
				"frontdesk.practices[0].allowed-origins", "https://northside.example",
				"frontdesk.practices[0].channels.whatsapp", "10987"));

		Practice northside = practices.get(new PracticeId("northside"));
		assertThat(northside.profile().name()).isEqualTo("Northside Spine");
		assertThat(northside.profile().phone()).isEqualTo("+1-555-0199");
		assertThat(northside.profile().emergencyNumber()).as("unset keys keep their defaults").isEqualTo("911");
		assertThat(northside.knowledgeDir()).contains(Path.of("practices/northside"));
		assertThat(northside.allowedOrigins()).containsExactly("https://northside.example");
		assertThat(practices.byChannelAccount("whatsapp", "10987")).contains(northside);
		assertThat(practices.byChannelAccount("messenger", "10987")).isEmpty();
		assertThat(practices.several()).isTrue();
	}

	@Test
	void anUnknownOrMalformedPracticeIsRefused() {
		Practices practices = practices(Map.of());

		assertThatThrownBy(() -> practices.get(new PracticeId("elsewhere"))).isInstanceOf(UnknownPractice.class);
		assertThatThrownBy(() -> PracticeId.parse("../default")).isInstanceOf(InvalidPracticeId.class);
		assertThatThrownBy(() -> PracticeId.parse("-x")).isInstanceOf(InvalidPracticeId.class);
		assertThat(PracticeId.parse(" Default ")).isEqualTo(PracticeId.DEFAULT);
	}

	@Test
	void twoPracticesCannotShareAnIdAnAccountOrAFolder() {
		assertThatThrownBy(() -> practices(Map.of("frontdesk.practices[0].id", "default",
				"frontdesk.practices[0].knowledge-dir", "a"))).hasMessageContaining("used twice");
		assertThatThrownBy(() -> practices(Map.of("frontdesk.practices[0].id", "a", "frontdesk.practices[0].knowledge-dir",
				"k/a", "frontdesk.practices[0].channels.sms", "+15550100", "frontdesk.practices[1].id", "b",
				"frontdesk.practices[1].knowledge-dir", "k/b", "frontdesk.practices[1].channels.sms", "+15550100")))
			.hasMessageContaining("belongs to both");
		assertThatThrownBy(() -> practices(Map.of("frontdesk.practices[0].id", "a", "frontdesk.practices[0].knowledge-dir",
				"k/same", "frontdesk.practices[1].id", "b", "frontdesk.practices[1].knowledge-dir", "k/same")))
			.hasMessageContaining("same knowledge-dir");
		assertThatThrownBy(() -> practices(Map.of("frontdesk.practices[0].id", "a")))
			.hasMessageContaining("needs a knowledge-dir");
	}

	private static Practices practices(Map<String, String> settings) {
		Binder binder = new Binder(new MapConfigurationPropertySource(settings));
		PracticeProfile profile = binder.bindOrCreate("frontdesk.practice", PracticeProfile.class);
		PracticesProperties properties = binder.bindOrCreate("frontdesk", PracticesProperties.class);
		return new Practices(profile, properties, java.time.Clock.systemUTC());
	}

}
