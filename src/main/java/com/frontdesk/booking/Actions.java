package com.frontdesk.booking;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeProfile;

/** Builds the actions replies offer, from the practice's profile. */
@Component
public class Actions {

	private final PracticeProfile practice;

	Actions(PracticeProfile practice) {
		this.practice = practice;
	}

	public Action book() {
		return new Action("book", "Book a consultation", practice.bookingUrl(), null);
	}

	public Action call() {
		return new Action("call", "Call " + practice.name(), PracticeProfile.telUri(practice.phone()),
				practice.phone());
	}

	/** Ask the practice to call back: the website opens the callback form, messaging channels a guided exchange. */
	public Action callback() {
		return new Action("callback", "Request a call back", null, null);
	}

	public Action emergency() {
		String number = practice.emergencyNumber();
		return new Action("emergency", "Call " + number + " now", PracticeProfile.telUri(number), number);
	}

	public Action crisisLine() {
		String number = practice.crisisLine();
		return new Action("emergency", "Call or text " + number + " (Suicide & Crisis Lifeline)",
				PracticeProfile.telUri(number), number);
	}

}
