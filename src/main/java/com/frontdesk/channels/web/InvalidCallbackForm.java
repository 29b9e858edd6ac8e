package com.frontdesk.channels.web;

import java.util.List;

import com.frontdesk.booking.FieldProblem;

/** A callback request body whose fields have the wrong JSON types. */
class InvalidCallbackForm extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidCallbackForm(List<FieldProblem> problems) {
		super("The callback request has fields of the wrong type");
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return problems;
	}

}
