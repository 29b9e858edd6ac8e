package com.frontdesk.practice;

/**
 * Whom a reply speaks to: a patient of one practice (whose name, numbers and hours the reply gives), in English or
 * Spanish. Every text and action for a patient is made for an audience, so no reply can carry another practice's
 * details.
 *
 * @param practice the practice the patient is writing to
 * @param spanish whether the patient writes in Spanish
 */
public record Audience(Practice practice, boolean spanish) {

	public Audience {
		if (practice == null) {
			throw new IllegalArgumentException("An audience is a practice's patients");
		}
	}

	public PracticeProfile profile() {
		return practice.profile();
	}

	public PracticeId practiceId() {
		return practice.id();
	}

	/** The same practice's patients, in the other language when {@code spanish} differs. */
	public Audience speaking(boolean spanish) {
		return spanish == this.spanish ? this : new Audience(practice, spanish);
	}

}
