package com.frontdesk.booking;

/** The patient confirmed a consent wording that is no longer the practice's: it must be shown and confirmed again. */
public class ConsentWordingChanged extends RuntimeException {

	private final transient ConsentWording current;

	ConsentWordingChanged(ConsentWording current) {
		super("The consent wording has changed");
		this.current = current;
	}

	/** The practice's wording now, to show and confirm. */
	public ConsentWording current() {
		return current;
	}

}
