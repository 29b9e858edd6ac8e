package com.frontdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.frontdesk.support.ChatClient;

import tools.jackson.databind.JsonNode;

/**
 * A patient who writes in Spanish, through the real chat API, on the practice's default content (English only, no
 * language model): answered from the English page with one Spanish sentence first saying the information is in
 * English, and every reply and button Frontdesk writes itself in Spanish. An English patient's conversation is
 * unchanged.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpanishPatientsTest {

	private static final String IN_ENGLISH = "La información de Sample Spine Practice está en inglés; esto es lo que dice:";

	@LocalServerPort
	int port;

	@Test
	void aSpanishQuestionIsAnsweredFromTheEnglishPageWithTheSpanishIntroductionAndACitation() {
		JsonNode reply = chat(null, "¿Me van a quedar cicatrices?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		String text = reply.get("reply").stringValue();
		assertThat(text).startsWith(IN_ENGLISH + "\n\n").contains("one small scar on your side")
			.endsWith("Fuente: Minimally Invasive Lateral Fusion – Scars");
		assertThat(text.split(IN_ENGLISH, -1)).as("one introduction").hasSize(2);
		assertThat(reply.get("citations").get(0).get("section").stringValue()).isEqualTo("Scars");
	}

	@Test
	void theReplySaysOnceThatTheInformationIsInEnglishAlsoWhenItMayNotAnswerExactly() {
		for (String question : List.of("¿Qué enfermedades se pueden tratar con la fusión lateral?", "¿Para qué sirve el injerto óseo?",
				"¿Me van a quedar cicatrices?")) {
			String text = chat(null, question).get("reply").stringValue();

			assertThat(text).as(question).startsWith("La información de Sample Spine Practice está en inglés");
			assertThat(text.split("está en inglés", -1)).as(question).hasSize(2);
		}
	}

	@Test
	void aSpanishQuestionAboutAStepFindsThatStep() {
		JsonNode reply = chat(null, "¿Para qué sirven los tornillos pediculares y las barras?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("answer");
		assertThat(reply.get("reply").stringValue()).startsWith(IN_ENGLISH).contains("pedicle screws");
		assertThat(reply.get("citations").get(0).get("section").stringValue()).endsWith("Pedicle screws and rods");
	}

	@Test
	void whatThePageDoesNotSayIsNotCoveredInSpanish() {
		JsonNode reply = chat(null, "¿Cuánto cuesta la operación?");

		assertThat(reply.get("intent").stringValue()).isEqualTo("not_covered");
		assertThat(reply.get("reply").stringValue()).startsWith("Lo siento, no encontré información").contains("+1-555-0100");
		assertThat(reply.get("citations")).isEmpty();
		assertThat(labels(reply)).containsExactly("Llamar a Sample Spine Practice", "Reservar una consulta");
	}

	@Test
	void aSpanishBookingRequestGetsTheSpanishBookingReplyAndTheBookAction() {
		JsonNode reply = chat(null, "hola, quisiera pedir una cita con el cirujano para la semana que viene");

		assertThat(reply.get("intent").stringValue()).isEqualTo("booking");
		assertThat(reply.get("reply").stringValue()).contains("Puede reservar una consulta en línea en https://www.example.com/book")
			.contains("(horario: lunes a viernes, de 8:00 a 17:00)")
			.doesNotContain("You can book");
		JsonNode book = reply.get("actions").get(0);
		assertThat(book.get("type").stringValue()).isEqualTo("book");
		assertThat(book.get("label").stringValue()).isEqualTo("Reservar una consulta");
		assertThat(book.get("url").stringValue()).isEqualTo("https://www.example.com/book");
		assertThat(labels(reply)).contains("Pedir que me llamen");
	}

	@Test
	void aSpanishEmergencyIsAnsweredInSpanishWith911() {
		JsonNode reply = chat(null, "me operaron hace una semana y ahora no puedo orinar y tengo las piernas dormidas");

		assertThat(reply.get("intent").stringValue()).isEqualTo("emergency");
		String text = reply.get("reply").stringValue();
		assertThat(text).contains("911").contains("No espere una respuesta aquí").doesNotContain("Call 911");
		JsonNode action = reply.get("actions").get(0);
		assertThat(action.get("type").stringValue()).isEqualTo("emergency");
		assertThat(action.get("label").stringValue()).isEqualTo("Llamar al 911 ahora");
		assertThat(action.get("phone").stringValue()).isEqualTo("911");
	}

	@Test
	void greetingThanksGoodbyeAndAPersonAreAnsweredInSpanish() {
		JsonNode hello = chat(null, "hola");
		String id = hello.get("conversationId").stringValue();

		assertThat(hello.get("reply").stringValue()).startsWith("¡Hola! Soy el asistente virtual de Sample Spine Practice");
		assertThat(chat(id, "muchas gracias").get("reply").stringValue()).startsWith("¡De nada!");
		JsonNode person = chat(id, "quiero hablar con una persona");
		assertThat(person.get("intent").stringValue()).isEqualTo("handoff");
		assertThat(person.get("reply").stringValue()).startsWith("He pedido al equipo de Sample Spine Practice");
		assertThat(labels(person)).contains("Pedir que me llamen");
		assertThat(chat(null, "adiós").get("reply").stringValue()).startsWith("¡Cuídese!");
	}

	@Test
	void anEnglishConversationIsUnchanged() {
		JsonNode hello = chat(null, "hello");
		String id = hello.get("conversationId").stringValue();
		JsonNode answer = chat(id, "Will lateral fusion leave a big scar?");
		JsonNode booking = chat(id, "I'd like to book an appointment");

		assertThat(hello.get("reply").stringValue()).startsWith("Hello! I'm the virtual assistant of Sample Spine Practice");
		assertThat(answer.get("intent").stringValue()).isEqualTo("answer");
		assertThat(answer.get("reply").stringValue()).startsWith("Upon healing, you will have one small scar on your side")
			.endsWith("Source: Minimally Invasive Lateral Fusion – Scars")
			.doesNotContain("inglés");
		assertThat(booking.get("reply").stringValue()).contains("You can book a consultation online at");
		assertThat(labels(booking)).containsExactly("Book a consultation", "Call Sample Spine Practice",
				"Request a call back");
	}

	private JsonNode chat(String conversationId, String message) {
		return new ChatClient(port).chat(conversationId, message).json();
	}

	private static List<String> labels(JsonNode reply) {
		return StreamSupport.stream(reply.get("actions").spliterator(), false)
			.map(action -> action.get("label").stringValue())
			.toList();
	}

}
