package com.frontdesk.booking;

import java.util.List;

/** A callback request with fields that are missing or wrong; nothing was stored. */
public class InvalidCallbackRequest extends RuntimeException {

	private final List<FieldProblem> problems;

	InvalidCallbackRequest(List<FieldProblem> problems) {
		super(problems.size() == 1 ? "One field needs attention" : problems.size() + " fields need attention");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
