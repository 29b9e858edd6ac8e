package com.frontdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.PracticeProfile;

/** Every text Frontdesk writes itself for patients has its Spanish wording, and no placeholder is left unfilled. */
class PatientTextsTest {

	private final PatientTexts texts = new PatientTexts();

	private final Practice practice = practice(new PracticeProfile("Sample Spine Practice", "+1-555-0100",
			"https://www.example.com/book", "https://www.example.com", "100 Sample Street", "Monday to Friday", "911",
			"988"), Map.of(), Map.of());

	private final Audience english = new Audience(practice, false);

	private final Audience spanish = new Audience(practice, true);

	@Test
	void everyEnglishTextHasASpanishOne() throws IOException {
		for (String bundle : PatientTexts.BUNDLES) {
			Properties englishTexts = read(bundle + ".properties");
			Properties spanishTexts = read(bundle + "_es.properties");

			assertThat(spanishTexts.stringPropertyNames()).as(bundle).containsAll(englishTexts.stringPropertyNames());
			for (String key : englishTexts.stringPropertyNames()) {
				assertThat(texts.get(key, spanish)).as(key).doesNotContain("{practice}", "{phone}", "{emergency}", "{booking}");
			}
		}
	}

	@Test
	void theSpanishTextsAreSpanishWithThePracticesDetails() {
		assertThat(texts.get("booking", spanish))
			.isEqualTo("Puede reservar una consulta en línea en https://www.example.com/book, o llamar a Sample Spine "
					+ "Practice al +1-555-0100 (horario: Monday to Friday).");
		assertThat(texts.get("booking", english)).startsWith("You can book a consultation online");
		assertThat(texts.get("content-in-english", spanish)).isEqualTo(
				"La información de Sample Spine Practice está en inglés; esto es lo que dice:");
	}

	@Test
	void theOpeningHoursAreSaidInSpanishFromTheWeeklyHoursUnlessThePracticeWroteThemInWords() {
		Practice sample = practice(new PracticeProfile("Sample Spine Practice", "+1-555-0100",
				"https://www.example.com/book", "https://www.example.com", "100 Sample Street", null, "911", "988",
				Map.of("monday", "08:00-17:00", "tuesday", "08:00-17:00", "wednesday", "08:00-17:00",
						"thursday", "08:00-17:00", "friday", "08:00-12:00,13:00-16:30", "saturday", "closed"),
				null, false, java.time.Duration.ofHours(2), null), Map.of(), Map.of());

		assertThat(texts.get("booking", new Audience(sample, true)))
			.endsWith("(horario: lunes a jueves, de 8:00 a 17:00; viernes, de 8:00 a 12:00 y de 13:00 a 16:30).");
		assertThat(texts.get("booking", new Audience(sample, false)))
			.endsWith("(Monday to Thursday, 8 am to 5 pm; Friday, 8 am to 12 pm and 1 pm to 4:30 pm).");
		assertThat(texts.get("booking", spanish)).endsWith("(horario: Monday to Friday).");
	}

	@Test
	void whenToExpectTheCallIsSaidInThePatientsLanguageWithTheOfficesHours() {
		Practice sample = practice(new PracticeProfile("Sample Spine Practice", "+1-555-0100",
				"https://www.example.com/book", "https://www.example.com", "100 Sample Street", null, "911", "988",
				Map.of("monday", "08:00-17:00", "tuesday", "08:00-17:00", "wednesday", "08:00-17:00",
						"thursday", "08:00-17:00", "friday", "08:00-17:00"),
				java.time.ZoneId.of("America/New_York"), true, java.time.Duration.ofHours(2), List.of()), Map.of(), Map.of());
		com.frontdesk.practice.OpeningHours hours = new com.frontdesk.practice.OpeningHours(sample.profile(),
				java.time.Clock.systemUTC());
		java.time.Instant tuesdayTen = java.time.Instant.parse("2026-11-24T15:00:00Z");
		java.time.Instant fridayEvening = java.time.Instant.parse("2026-11-27T23:00:00Z");
		Audience inSpanish = new Audience(sample, true);

		assertThat(texts.expectedCall(hours, tuesdayTen, inSpanish)).isEqualTo("hoy, normalmente en menos de 2 horas");
		assertThat(texts.expectedCall(hours, fridayEvening, inSpanish)).isEqualTo("el lunes a partir de las 8:00");
		assertThat(texts.callbackSentence(hours, fridayEvening, inSpanish)).isEqualTo(
				"La clínica está cerrada en este momento (lunes a viernes, de 8:00 a 17:00), así que le llamaremos el "
						+ "lunes a partir de las 8:00. A menudo hay citas para el mismo día: pregúntelo cuando le llamemos.");
		assertThat(texts.callbackSentence(hours, fridayEvening, new Audience(sample, false))).as("English as it was")
			.isEqualTo(hours.callbackSentence(fridayEvening))
			.startsWith("The office is closed right now (Monday to Friday, 8 am to 5 pm), so we will call you back on Monday after 8 am.");
	}

	@Test
	void aPracticeWordsATextItsOwnWayAndEveryOtherTextAsTheBundlesDo() {
		Practice northside = practice(new PracticeProfile("Northside Spine", "+1-555-0199", "https://northside.example/book",
				"https://northside.example", "1 North Road", "Monday to Friday", "911", "988"),
				Map.of("greeting", "Welcome to {practice}! Ask me about your operation."),
				Map.of("greeting", "¡Bienvenido a {practice}!"));

		assertThat(texts.get("greeting", new Audience(northside, false)))
			.isEqualTo("Welcome to Northside Spine! Ask me about your operation.");
		assertThat(texts.get("greeting", new Audience(northside, true))).isEqualTo("¡Bienvenido a Northside Spine!");
		assertThat(texts.get("booking", new Audience(northside, false)))
			.as("a text the practice did not word").contains("https://northside.example/book", "+1-555-0199")
			.doesNotContain("example.com");
	}

	private static Practice practice(PracticeProfile profile, Map<String, String> texts, Map<String, String> spanish) {
		return new Practice(new PracticeId("sample"), profile, Optional.empty(), List.of(), Map.of(), texts, spanish);
	}

	private static Properties read(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
