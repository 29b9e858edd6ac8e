package com.frontdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.frontdesk.practice.PracticeProfile;

/** Every text Frontdesk writes itself for patients has its Spanish wording, and no placeholder is left unfilled. */
class PatientTextsTest {

	private final PatientTexts texts = new PatientTexts(new PracticeProfile("Sample Spine Practice", "+1-555-0100",
			"https://www.example.com/book", "https://www.example.com", "100 Sample Street", "Monday to Friday", "911",
			"988"));

	@Test
	void everyEnglishTextHasASpanishOne() throws IOException {
		for (String bundle : PatientTexts.BUNDLES) {
			Properties english = read(bundle + ".properties");
			Properties spanish = read(bundle + "_es.properties");

			assertThat(spanish.stringPropertyNames()).as(bundle).containsAll(english.stringPropertyNames());
			for (String key : english.stringPropertyNames()) {
				assertThat(texts.get(key, true)).as(key).doesNotContain("{practice}", "{phone}", "{emergency}", "{booking}");
			}
		}
	}

	@Test
	void theSpanishTextsAreSpanishWithThePracticesDetails() {
		assertThat(texts.get("booking", true))
			.isEqualTo("Puede reservar una consulta en línea en https://www.example.com/book, o llamar a Sample Spine "
					+ "Practice al +1-555-0100 (horario: Monday to Friday).");
		assertThat(texts.get("booking", false)).startsWith("You can book a consultation online");
		assertThat(texts.get("content-in-english", true)).isEqualTo(
				"La información de Sample Spine Practice está en inglés; esto es lo que dice:");
	}

	@Test
	void theOpeningHoursAreSaidInSpanishFromTheWeeklyHoursUnlessThePracticeWroteThemInWords() {
		PatientTexts sample = new PatientTexts(new PracticeProfile("Sample Spine Practice", "+1-555-0100",
				"https://www.example.com/book", "https://www.example.com", "100 Sample Street", null, "911", "988",
				java.util.Map.of("monday", "08:00-17:00", "tuesday", "08:00-17:00", "wednesday", "08:00-17:00",
						"thursday", "08:00-17:00", "friday", "08:00-12:00,13:00-16:30", "saturday", "closed"),
				null, false, java.time.Duration.ofHours(2), null));

		assertThat(sample.get("booking", true))
			.endsWith("(horario: lunes a jueves, de 8:00 a 17:00; viernes, de 8:00 a 12:00 y de 13:00 a 16:30).");
		assertThat(sample.get("booking", false))
			.endsWith("(Monday to Thursday, 8 am to 5 pm; Friday, 8 am to 12 pm and 1 pm to 4:30 pm).");
		assertThat(texts.get("booking", true)).endsWith("(horario: Monday to Friday).");
	}

	private static Properties read(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
