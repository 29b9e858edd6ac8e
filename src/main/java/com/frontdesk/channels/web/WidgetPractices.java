package com.frontdesk.channels.web;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.Practice;
import com.frontdesk.practice.Practices;

/** Which practice a request from the website's widget is for ({@link Practices#forPage}). */
@Component
class WidgetPractices {

	private final Practices practices;

	WidgetPractices(Practices practices) {
		this.practices = practices;
	}

	/**
	 * @param named the practice the widget names ({@code data-practice}), or null
	 * @param origin the request's {@code Origin} header, or null
	 */
	Practice of(String named, String origin) {
		return practices.forPage(named, origin);
	}

}
