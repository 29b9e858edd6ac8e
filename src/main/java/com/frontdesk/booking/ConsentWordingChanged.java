package com.frontdesk.booking;

/** The patient confirmed a consent wording that is no longer the practice's: it must be shown and confirmed again. */
public class ConsentWordingChanged extends RuntimeException {

	ConsentWordingChanged() {
		super("The consent wording has changed");
	}

}
