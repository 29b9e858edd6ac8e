package com.frontdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.frontdesk.answering.Citation;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeProfile;
import com.frontdesk.retrieval.ResourceLines;

/** The fixed wording of replies that do not come from the knowledge. */
@Component
class Replies {

	private final PracticeProfile practice;

	private final OpeningHours hours;

	Replies(PracticeProfile practice, OpeningHours hours) {
		this.practice = practice;
		this.hours = hours;
	}

	/**
	 * The emergency reply: the red flag's own advice first ("If you cannot pass urine ... call 911 now"), then not to
	 * wait here and to let the practice know once safe.
	 * @param advice the concept's advice from triage, with its placeholders still to fill in
	 */
	String emergency(String advice) {
		String first = advice.isBlank() ? "This could be a medical emergency. Call {emergency} now or go to the nearest "
				+ "emergency room." : advice;
		return fill(first) + " Do not wait for a reply here.\n\n" + "Once you are safe, let " + practice.name()
				+ " know at " + practice.phone() + ".";
	}

	String emergencyInSpanish(String advice) {
		String first = advice.isBlank() ? "Esto podría ser una emergencia médica. Llame al {emergency} ahora o vaya a la "
				+ "sala de emergencias más cercana." : advice;
		return fill(first) + " No espere una respuesta aquí.\n\n" + "This could be a medical emergency: call "
				+ practice.emergencyNumber() + " now.";
	}

	/** The triage vocabulary's placeholders, filled with the practice's numbers. */
	private String fill(String advice) {
		return advice.replace("{emergency}", practice.emergencyNumber())
			.replace("{crisis}", practice.crisisLine())
			.replace("{practice}", practice.name())
			.replace("{phone}", practice.phone());
	}

	/** Thoughts of self-harm: the concept's advice (the crisis line and the emergency number), or the standard text. */
	String selfHarm(String advice) {
		return advice.isBlank() ? selfHarm() : fill(advice);
	}

	String selfHarmInSpanish(String advice) {
		return advice.isBlank() ? selfHarmInSpanish() : fill(advice);
	}

	String selfHarmInSpanish() {
		return "Siento mucho que esté pasando por esto. Llame o envíe un mensaje de texto al " + practice.crisisLine()
				+ " (línea de crisis y prevención del suicidio, también en español) para hablar con alguien ahora. "
				+ "Si está en peligro inmediato, llame al " + practice.emergencyNumber() + " ahora.";
	}

	String needsClinicianInSpanish() {
		return "No puedo dar consejos médicos personales, como dosis, si empezar o dejar un medicamento, o qué "
				+ "significan sus síntomas o resultados. Su equipo médico puede ayudarle: llame a " + practice.name()
				+ " al " + practice.phone() + ". Si sus síntomas son graves o empeoran, llame al "
				+ practice.emergencyNumber() + ".";
	}

	String selfHarm() {
		return "I'm really sorry you're going through this. You deserve support right now. Call or text "
				+ practice.crisisLine() + " (Suicide & Crisis Lifeline) to talk with someone any time, day or night. "
				+ "If you are in immediate danger or might act on these thoughts, call " + practice.emergencyNumber()
				+ " now or go to the nearest emergency room.";
	}

	String needsClinician() {
		return "I can't give personal medical advice, such as doses, whether to start or stop a medicine, what your "
				+ "symptoms mean, or what your test results show. Your care team can help with that: call "
				+ practice.name() + " at " + practice.phone() + " or book a consultation. If your symptoms are "
				+ "severe or getting worse, call " + practice.emergencyNumber() + " or go to the nearest emergency room.";
	}

	String handoffRequested(Instant now) {
		return "I've asked the team at " + practice.name() + " to join this conversation. " + whenStaffReply(now)
				+ " If it's urgent, call " + practice.phone() + ". Meanwhile I can still answer questions about the "
				+ "procedure.";
	}

	String handoffAlreadyRequested(Instant now) {
		return "The team at " + practice.name() + " already knows you'd like to talk to someone. " + whenStaffReply(now)
				+ " If it's urgent, call " + practice.phone() + ".";
	}

	/** What happens next: a reply here soon while the office is open; otherwise when it opens, or a call back. */
	private String whenStaffReply(Instant now) {
		if (hours.isOpen(now)) {
			return "A member of staff will reply here as soon as they can.";
		}
		return "The office is closed right now (" + hours.describe() + "), so a member of staff will reply here "
				+ hours.expectedCall(now) + ". If you'd rather we call you, request a call back.";
	}

	String releasedToAssistant() {
		return "The team at " + practice.name() + " has handed this conversation back to the virtual assistant. "
				+ "Ask me anything about the procedure, or write \"talk to a person\" to reach the team again.";
	}

	String closedByStaff() {
		return "The team at " + practice.name() + " has closed this conversation. If you need anything else, write "
				+ "here or call " + practice.phone() + ".";
	}

	String practiceInfo() {
		return practice.name() + "\nAddress: " + practice.address() + "\nPhone: " + practice.phone()
				+ "\nOpening hours: " + practice.openingHours() + "\nBook a consultation online: " + practice.bookingUrl();
	}

	/**
	 * The practice's details a message asks for, in sentences: the phone, the address, the hours (and whether the
	 * office is open now, for "are you open today?"), the booking page. A message asking for none of them (an email
	 * address, the bus) is told the information may not answer exactly that, and gets all the contact details.
	 */
	String practiceDetails(Set<PracticeDetails.Detail> asked, Instant now) {
		if (asked.isEmpty()) {
			return practice.name() + "'s information may not answer exactly what you asked. Its contact details are:\n\n"
					+ practiceInfo();
		}
		List<String> sentences = new ArrayList<>();
		for (PracticeDetails.Detail detail : asked) {
			sentences.add(switch (detail) {
				case PHONE -> "You can call " + practice.name() + " at " + practice.phone() + " (" + practice.openingHours()
						+ ").";
				case ADDRESS -> practice.name() + " is at " + practice.address() + ".";
				case HOURS -> practice.name() + " is open " + practice.openingHours() + ".";
				case OPEN_NOW -> (hours.isOpen(now) ? "The office is open right now" : "The office is closed right now")
						+ " (" + practice.openingHours() + ").";
				case BOOKING -> "You can book a consultation online at " + practice.bookingUrl() + ".";
			});
		}
		return String.join(" ", sentences);
	}

	/**
	 * A question about costs or insurance the practice's information does not answer: said so, with no figure.
	 * @param topic what the conversation is about ("Minimally Invasive Lateral Fusion"), or blank
	 */
	String costsNotCovered(String topic) {
		return text("costs", false).replace("{what}",
				topic == null || topic.isBlank() ? "prices" : "what " + topic + " costs");
	}

	Citation practiceInfoSource() {
		return new Citation(practice.name(), "Contact details and opening hours", practice.website(),
				practiceInfo().replace('\n', ' '));
	}

	String booking() {
		return "You can book a consultation online at " + practice.bookingUrl() + ", or call " + practice.name()
				+ " at " + practice.phone() + " (" + practice.openingHours() + ").";
	}

	/** A booking reply to "can someone call me?": the call back first, then the other ways. */
	String callbackOffer() {
		return "Of course: request a call back with your name and phone number, and the team at " + practice.name()
				+ " will call you. You can also book a consultation online at " + practice.bookingUrl() + ", or call "
				+ practice.phone() + " (" + practice.openingHours() + ").";
	}

	String candidacy() {
		return "To find out whether it is right for you, book a consultation online or call " + practice.name() + " at "
				+ practice.phone() + ".";
	}

	String notCovered() {
		return "I'm sorry, I don't have information about that in " + practice.name()
				+ "'s materials, so I won't guess. The team can answer it: call " + practice.phone()
				+ " or book a consultation.";
	}

	/**
	 * Before the closest passage when the page may not answer exactly what was asked: the patient reads what the page
	 * does say and knows it may not be the answer.
	 */
	String closestTopic() {
		return practice.name() + "'s information may not answer exactly what you asked. On the closest topic, it says:";
	}

	String closestTopicInSpanish() {
		return "La información de " + practice.name()
				+ " quizá no responda exactamente a su pregunta. Sobre el tema más cercano dice (en inglés):";
	}

	/** {@link #notCovered()} for a patient who wrote in Spanish; without a model the search is in English only. */
	String notCoveredInSpanish(boolean searchedInEnglishOnly) {
		return "Lo siento, no encontré información sobre eso en los materiales de " + practice.name()
				+ (searchedInEnglishOnly ? " (por ahora solo puedo buscar en inglés)" : "")
				+ ", y no voy a adivinar. El equipo puede responderle: llame al " + practice.phone()
				+ " o reserve una consulta.";
	}

	String outOfScope() {
		return "I can only help with questions about " + practice.name()
				+ "'s procedures, using the practice's own information, and with booking a consultation. "
				+ "For anything else, please call " + practice.phone() + ".";
	}

	String outOfScopeInSpanish() {
		return "Solo puedo ayudar con preguntas sobre los procedimientos de " + practice.name()
				+ ", con la información de la propia consulta, y con la reserva de una consulta. Para cualquier otra cosa, "
				+ "llame al " + practice.phone() + ".";
	}

	/** A kind word for a message that has nothing to do with the practice: no phone number pushed. */
	String offTopic(boolean spanish) {
		return text("off-topic", spanish);
	}

	/** Fear, worry or frustration acknowledged, before anything else. */
	String feelings(boolean spanish) {
		return text("feelings", spanish);
	}

	/** After feelings are acknowledged: a person and the booking. */
	String feelingsOffer(boolean spanish) {
		return text("feelings-offer", spanish);
	}

	/** A reply text of {@code conversation/replies/}, in English or Spanish, with the practice's details. */
	private String text(String name, boolean spanish) {
		return fill(String.join("\n", ResourceLines.of("conversation/replies/" + name + (spanish ? ".es" : ".en") + ".txt")));
	}

	String greeting() {
		return "Hello! I'm the virtual assistant of " + practice.name() + ". I can answer questions about the "
				+ "procedures we offer, such as minimally invasive lateral fusion, using the practice's own information, "
				+ "help you book a consultation, or connect you with the office. What would you like to know?\n\n"
				+ "I can't give personal medical advice. If you have a medical emergency, call "
				+ practice.emergencyNumber() + ".";
	}

	String thanks() {
		return "You're welcome! Is there anything else you'd like to know about the procedure or booking a consultation?";
	}

	String goodbye() {
		return "Take care! If you have more questions, I'm here, or you can call " + practice.name() + " at "
				+ practice.phone() + ".";
	}

}
