package com.frontdesk.channels.messaging;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeProfile;

/** The fixed replies of the messaging channels, for what the pipeline does not answer itself. */
@Component
class ChannelTexts {

	private final PracticeProfile practice;

	ChannelTexts(PracticeProfile practice) {
		this.practice = practice;
	}

	String textOnly() {
		return "Sorry, I can only read text messages, not pictures, voice messages, locations or stickers. "
				+ "Please type your question, or call " + practice.name() + " at " + practice.phone() + ".";
	}

	String tooLong(int limit) {
		return "Your message is longer than I can read (" + limit + " characters at most). Please send a shorter "
				+ "question, or call " + practice.name() + " at " + practice.phone() + ".";
	}

	String unavailable() {
		return "I can't look up the practice's information right now. Please call " + practice.name() + " at "
				+ practice.phone() + ". If this is an emergency, call " + practice.emergencyNumber() + " now.";
	}

	String failed() {
		return "Sorry, something went wrong on our side. Please try again later, or call " + practice.name() + " at "
				+ practice.phone() + ". If this is an emergency, call " + practice.emergencyNumber() + " now.";
	}

	String shortened() {
		return "(Shortened. More at " + practice.website() + " or call " + practice.phone() + ".)";
	}

}
