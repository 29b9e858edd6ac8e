package com.frontdesk.channels.messaging;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.frontdesk.booking.PatientTexts;
import com.frontdesk.practice.Audience;

/**
 * The fixed replies of the messaging channels, for what the pipeline does not answer itself
 * ({@code channels/texts*.properties}), with the details of the practice the patient wrote to.
 */
@Component
class ChannelTexts {

	private final PatientTexts texts;

	ChannelTexts(PatientTexts texts) {
		this.texts = texts;
	}

	String textOnly(Audience audience) {
		return texts.get("channel.text-only", audience);
	}

	String tooLong(int limit, Audience audience) {
		return texts.get("channel.too-long", audience, Map.of("limit", String.valueOf(limit)));
	}

	String unavailable(Audience audience) {
		return texts.get("channel.unavailable", audience);
	}

	String failed(Audience audience) {
		return texts.get("channel.failed", audience);
	}

	String bookOnline(String url, Audience audience) {
		return texts.get("channel.book-online", audience, Map.of("url", url));
	}

	String call(String number, Audience audience) {
		return texts.get("channel.call", audience, Map.of("number", number));
	}

	String callback(Audience audience) {
		return texts.get("channel.callback", audience);
	}

	/** What opens the list of a reply's sources, for one source or several. */
	String sources(int count, Audience audience) {
		return texts.get(count == 1 ? "channel.source" : "channel.sources", audience);
	}

	String shortened(Audience audience) {
		return texts.get("channel.shortened", audience, Map.of("website", audience.profile().website()));
	}

}
