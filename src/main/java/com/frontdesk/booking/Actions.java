package com.frontdesk.booking;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeProfile;

/**
 * Builds the actions replies offer, from the practice's profile, with their labels in the patient's language
 * ({@code booking/actions*.properties}).
 */
@Component
public class Actions {

	private final PracticeProfile practice;

	private final PatientTexts texts;

	Actions(PracticeProfile practice, PatientTexts texts) {
		this.practice = practice;
		this.texts = texts;
	}

	public Action book(boolean spanish) {
		return new Action("book", texts.get("action.book", spanish), practice.bookingUrl(), null);
	}

	public Action call(boolean spanish) {
		return new Action("call", texts.get("action.call", spanish), PracticeProfile.telUri(practice.phone()),
				practice.phone());
	}

	/** Ask the practice to call back: the website opens the callback form, messaging channels a guided exchange. */
	public Action callback(boolean spanish) {
		return new Action("callback", texts.get("action.callback", spanish), null, null);
	}

	public Action emergency(boolean spanish) {
		String number = practice.emergencyNumber();
		return new Action("emergency", texts.get("action.emergency", spanish, Map.of("number", number)),
				PracticeProfile.telUri(number), number);
	}

	public Action crisisLine(boolean spanish) {
		String number = practice.crisisLine();
		return new Action("emergency", texts.get("action.crisis-line", spanish, Map.of("number", number)),
				PracticeProfile.telUri(number), number);
	}

}
