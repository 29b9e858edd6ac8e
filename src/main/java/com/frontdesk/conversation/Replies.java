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
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeProfile;
import com.frontdesk.practice.Practices;

/**
 * The wording of replies that do not come from the knowledge, in English or Spanish: the texts are in
 * {@code conversation/replies/messages.properties} and {@code messages_es.properties}.
 */
@Component
class Replies {

	private final Practices practices;

	private final PatientTexts texts;

	Replies(Practices practices, PatientTexts texts) {
		this.practices = practices;
		this.texts = texts;
	}

	/**
	 * The emergency reply: the red flag's own advice first ("If you cannot pass urine ... call 911 now"), then not to
	 * wait here and to let the practice know once safe.
	 * @param advice the concept's advice from triage, with its placeholders still to fill in
	 */
	String emergency(String advice, Audience audience) {
		String first = advice.isBlank() ? texts.get("emergency.general", audience) : texts.fill(advice, audience);
		return first + " " + texts.get("emergency.then", audience);
	}

	/** Thoughts of self-harm: the concept's advice (the crisis line and the emergency number), or the standard text. */
	String selfHarm(String advice, Audience audience) {
		return advice.isBlank() ? texts.get("self-harm", audience) : texts.fill(advice, audience);
	}

	String handoffRequested(Instant now, Audience audience) {
		return texts.get("handoff.requested", audience, Map.of("when", whenStaffReply(now, audience)));
	}

	String handoffAlreadyRequested(Instant now, Audience audience) {
		return texts.get("handoff.already-requested", audience, Map.of("when", whenStaffReply(now, audience)));
	}

	/** What happens next: a reply here soon while the office is open; otherwise when it opens, or a call back. */
	private String whenStaffReply(Instant now, Audience audience) {
		OpeningHours hours = practices.hours(audience.practiceId());
		if (hours.isOpen(now)) {
			return texts.get("handoff.open", audience);
		}
		// {hours} is filled by the texts, in Spanish said from the weekly hours.
		return texts.get("handoff.closed", audience, Map.of("expected", texts.expectedCall(hours, now, audience)));
	}

	String releasedToAssistant(Audience audience) {
		return texts.get("handoff.released", audience);
	}

	String closedByStaff(Audience audience) {
		return texts.get("handoff.closed-by-staff", audience);
	}

	String practiceInfo(Audience audience) {
		return texts.get("practice-info", audience);
	}

	/**
	 * The practice's details a message asks for, in sentences: the phone, the address, the hours (and whether the
	 * office is open now, for "are you open today?"), the booking page. A message asking for none of them (an email
	 * address, the bus) is told the information may not answer exactly that, and gets all the contact details.
	 */
	String practiceDetails(Set<PracticeDetails.Detail> asked, Instant now, Audience audience) {
		if (asked.isEmpty()) {
			return texts.get("practice-details.other", audience) + "\n\n" + practiceInfo(audience);
		}
		List<String> sentences = new ArrayList<>();
		for (PracticeDetails.Detail detail : asked) {
			String key = switch (detail) {
				case PHONE -> "practice-details.phone";
				case ADDRESS -> "practice-details.address";
				case HOURS -> "practice-details.hours";
				case OPEN_NOW -> practices.hours(audience.practiceId()).isOpen(now) ? "practice-details.open-now"
						: "practice-details.closed-now";
				case BOOKING -> "practice-details.booking";
			};
			sentences.add(texts.get(key, audience));
		}
		return String.join(" ", sentences);
	}

	/**
	 * A question about costs or insurance the practice's information does not answer: said so, with no figure.
	 * @param topic what the conversation is about ("Minimally Invasive Lateral Fusion"), or blank
	 */
	String costsNotCovered(String topic, Audience audience) {
		String what = topic == null || topic.isBlank() ? texts.get("costs.what-prices", audience)
				: texts.get("costs.what-topic", audience, Map.of("topic", topic));
		return texts.get("costs", audience, Map.of("what", what));
	}

	Citation practiceInfoSource(Audience audience) {
		PracticeProfile practice = audience.profile();
		return new Citation(practice.name(), texts.get("practice-info.section", audience), practice.website(),
				practiceInfo(audience).replace('\n', ' '));
	}

	/** A fixed reply, in Spanish or English. */
	String text(ReplyText text, Audience audience) {
		return texts.get(text.key(), audience);
	}

	/** "Source: title – section" (in Spanish "Fuente: ..."), naming every passage the answer quotes. */
	String sourceLine(Answer answer, Audience audience) {
		return answer.sourceLine(texts.get("source", audience), texts.get("sources", audience));
	}

	/** "Sources: [1] title – section; [2] ..." (in Spanish "Fuentes: ..."), for an answer a model wrote. */
	String numberedSourceLine(Answer answer, Audience audience) {
		return answer.numberedSourceLine(texts.get("source", audience), texts.get("sources", audience));
	}

}
