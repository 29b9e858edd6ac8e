package com.frontdesk.practice;

import java.util.List;

/** A practice to create with fields missing or wrong (nothing was stored); the edge answers it with a 400 problem. */
public class InvalidPractice extends RuntimeException {

	private final List<InvalidField> fields;

	public InvalidPractice(List<InvalidField> fields) {
		super("Invalid practice: " + fields.stream().map(InvalidField::field).toList());
		this.fields = List.copyOf(fields);
	}

	public List<InvalidField> fields() {
		return fields;
	}

}
