package com.frontdesk.answering;

import java.net.URI;

import org.springframework.stereotype.Component;

import com.frontdesk.practice.PracticeProfile;

/** Turns a knowledge file's source link into an absolute link on the practice's website. */
@Component
public class SourceLinks {

	private final PracticeProfile practice;

	SourceLinks(PracticeProfile practice) {
		this.practice = practice;
	}

	public String resolve(String url) {
		if (url == null || url.isBlank()) {
			return practice.website();
		}
		try {
			URI uri = URI.create(url.strip());
			if (uri.isAbsolute()) {
				return uri.toString();
			}
			String base = practice.website().endsWith("/") ? practice.website() : practice.website() + "/";
			return URI.create(base).resolve(url.strip().replaceFirst("^/", "")).toString();
		}
		catch (IllegalArgumentException ex) {
			return practice.website();
		}
	}

}
