package com.frontdesk.practice;

/**
 * A practice to create whose id or knowledge folder is another practice's already (nothing was stored); the edge
 * answers it with a 409 problem naming the field.
 */
public class PracticeConflict extends RuntimeException {

	private final InvalidField field;

	PracticeConflict(String field, String detail) {
		super(detail);
		this.field = new InvalidField(field, detail);
	}

	public InvalidField field() {
		return field;
	}

}
