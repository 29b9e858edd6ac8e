package com.frontdesk.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.booking.PatientTexts;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeProfile;

/**
 * The wording of replies that do not come from the knowledge, in English or Spanish: the texts are in
 * {@code conversation/replies/messages.properties} and {@code messages_es.properties}.
 */
@Component
class Replies {

	private final PracticeProfile practice;

	private final OpeningHours hours;

	private final PatientTexts texts;

	Replies(PracticeProfile practice, OpeningHours hours, PatientTexts texts) {
		this.practice = practice;
		this.hours = hours;
		this.texts = texts;
	}

	/**
	 * The emergency reply: the red flag's own advice first ("If you cannot pass urine ... call 911 now"), then not to
	 * wait here and to let the practice know once safe.
	 * @param advice the concept's advice from triage, with its placeholders still to fill in
	 */
	String emergency(String advice, boolean spanish) {
		String first = advice.isBlank() ? texts.get("emergency.general", spanish) : texts.fill(advice);
		return first + " " + texts.get("emergency.then", spanish);
	}

	/** Thoughts of self-harm: the concept's advice (the crisis line and the emergency number), or the standard text. */
	String selfHarm(String advice, boolean spanish) {
		return advice.isBlank() ? texts.get("self-harm", spanish) : texts.fill(advice);
	}

	String handoffRequested(Instant now, boolean spanish) {
		return texts.get("handoff.requested", spanish, Map.of("when", whenStaffReply(now, spanish)));
	}

	String handoffAlreadyRequested(Instant now, boolean spanish) {
		return texts.get("handoff.already-requested", spanish, Map.of("when", whenStaffReply(now, spanish)));
	}

	/** What happens next: a reply here soon while the office is open; otherwise when it opens, or a call back. */
	private String whenStaffReply(Instant now, boolean spanish) {
		if (hours.isOpen(now)) {
			return texts.get("handoff.open", spanish);
		}
		// In Spanish the hours are said from the weekly hours by the texts; when to expect the reply is English only.
		return spanish ? texts.get("handoff.closed", true)
				: texts.get("handoff.closed", false, Map.of("hours", hours.describe(), "expected", hours.expectedCall(now)));
	}

	String releasedToAssistant(boolean spanish) {
		return texts.get("handoff.released", spanish);
	}

	String closedByStaff(boolean spanish) {
		return texts.get("handoff.closed-by-staff", spanish);
	}

	String practiceInfo(boolean spanish) {
		return texts.get("practice-info", spanish);
	}

	/**
	 * The practice's details a message asks for, in sentences: the phone, the address, the hours (and whether the
	 * office is open now, for "are you open today?"), the booking page. A message asking for none of them (an email
	 * address, the bus) is told the information may not answer exactly that, and gets all the contact details.
	 */
	String practiceDetails(Set<PracticeDetails.Detail> asked, Instant now, boolean spanish) {
		if (asked.isEmpty()) {
			return texts.get("practice-details.other", spanish) + "\n\n" + practiceInfo(spanish);
		}
		List<String> sentences = new ArrayList<>();
		for (PracticeDetails.Detail detail : asked) {
			String key = switch (detail) {
				case PHONE -> "practice-details.phone";
				case ADDRESS -> "practice-details.address";
				case HOURS -> "practice-details.hours";
				case OPEN_NOW -> hours.isOpen(now) ? "practice-details.open-now" : "practice-details.closed-now";
				case BOOKING -> "practice-details.booking";
			};
			sentences.add(texts.get(key, spanish));
		}
		return String.join(" ", sentences);
	}

	/**
	 * A question about costs or insurance the practice's information does not answer: said so, with no figure.
	 * @param topic what the conversation is about ("Minimally Invasive Lateral Fusion"), or blank
	 */
	String costsNotCovered(String topic, boolean spanish) {
		String what = topic == null || topic.isBlank() ? texts.get("costs.what-prices", spanish)
				: texts.get("costs.what-topic", spanish, Map.of("topic", topic));
		return texts.get("costs", spanish, Map.of("what", what));
	}

	Citation practiceInfoSource(boolean spanish) {
		return new Citation(practice.name(), texts.get("practice-info.section", spanish), practice.website(),
				practiceInfo(spanish).replace('\n', ' '));
	}

	/** A fixed reply, in Spanish or English. */
	String text(ReplyText text, boolean spanish) {
		return texts.get(text.key(), spanish);
	}

	/** "Source: title – section" (in Spanish "Fuente: ..."), naming every passage the answer quotes. */
	String sourceLine(Answer answer, boolean spanish) {
		return answer.sourceLine(texts.get("source", spanish), texts.get("sources", spanish));
	}

	/** "Sources: [1] title – section; [2] ..." (in Spanish "Fuentes: ..."), for an answer a model wrote. */
	String numberedSourceLine(Answer answer, boolean spanish) {
		return answer.numberedSourceLine(texts.get("source", spanish), texts.get("sources", spanish));
	}

}
