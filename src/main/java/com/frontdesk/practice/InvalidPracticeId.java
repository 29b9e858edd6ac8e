package com.frontdesk.practice;

/** A practice id that is not of the form of one (see {@link PracticeId}); the edge answers it with a problem. */
public class InvalidPracticeId extends IllegalArgumentException {

	InvalidPracticeId() {
		super("A practice id is 1 to 40 lower-case letters, digits and inner hyphens");
	}

}
