package com.frontdesk.booking;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.PracticeProfile;

/**
 * Builds the actions replies offer, from the profile of the practice the patient writes to, with their labels in the patient's language
 * ({@code booking/actions*.properties}).
 */
@Component
public class Actions {

	private final PatientTexts texts;

	Actions(PatientTexts texts) {
		this.texts = texts;
	}

	public Action book(Audience audience) {
		return new Action("book", texts.get("action.book", audience), audience.profile().bookingUrl(), null);
	}

	public Action call(Audience audience) {
		String phone = audience.profile().phone();
		return new Action("call", texts.get("action.call", audience), PracticeProfile.telUri(phone), phone);
	}

	/** Ask the practice to call back: the website opens the callback form, messaging channels a guided exchange. */
	public Action callback(Audience audience) {
		return new Action("callback", texts.get("action.callback", audience), null, null);
	}

	public Action emergency(Audience audience) {
		String number = audience.profile().emergencyNumber();
		return new Action("emergency", texts.get("action.emergency", audience, Map.of("number", number)),
				PracticeProfile.telUri(number), number);
	}

	public Action crisisLine(Audience audience) {
		String number = audience.profile().crisisLine();
		return new Action("emergency", texts.get("action.crisis-line", audience, Map.of("number", number)),
				PracticeProfile.telUri(number), number);
	}

}
