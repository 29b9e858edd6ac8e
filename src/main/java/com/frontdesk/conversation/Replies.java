package com.frontdesk.conversation;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.booking.OpeningHours;
import com.frontdesk.booking.PatientTexts;
import com.frontdesk.booking.PracticeProfile;

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
