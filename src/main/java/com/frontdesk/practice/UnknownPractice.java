package com.frontdesk.practice;

/** A request named a practice this deployment does not serve; the edge answers it as not found. */
public class UnknownPractice extends RuntimeException {

	public UnknownPractice() {
		super("No such practice");
	}

}
