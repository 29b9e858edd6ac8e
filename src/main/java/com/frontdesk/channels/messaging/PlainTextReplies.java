package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.practice.Audience;

/**
 * Renders a reply for a plain-text messaging platform: emergency instructions first, the reply, its sources as short
 * names with links, then the booking link, phone number and callback offer ("Reply CALL") the buttons of the website
 * would offer (the practice's own, as the pipeline made them for it); split into messages under the platform's limit,
 * and shortened (saying where to read more at the practice the patient wrote to) beyond its most messages.
 */
@Component
class PlainTextReplies {

	private final ChannelTexts texts;

	PlainTextReplies(ChannelTexts texts) {
		this.texts = texts;
	}

	List<String> render(ChatReply reply, ReplyLimits limits, Audience audience) {
		return split(compose(reply, audience), limits, audience);
	}

	String compose(ChatReply reply, Audience audience) {
		String body = withoutSourceLine(reply.reply(), reply.citations());
		List<String> paragraphs = new ArrayList<>();
		for (Action action : reply.actions()) {
			if ("emergency".equals(action.type()) && !mentions(body, action.phone())) {
				paragraphs.add(action.label() + ".");
			}
		}
		paragraphs.add(body);
		sources(reply.citations(), audience).ifPresent(paragraphs::add);
		String contact = contactLines(reply.actions(), body, audience);
		if (!contact.isEmpty()) {
			paragraphs.add(contact);
		}
		return String.join("\n\n", paragraphs);
	}

	/** The text in messages under the platform's limit; beyond its most messages, shortened with the practice's website. */
	List<String> split(String text, ReplyLimits limits, Audience audience) {
		List<String> parts = TextSplitter.split(text, limits.partLength());
		if (parts.size() <= limits.maxParts()) {
			return parts;
		}
		String suffix = "\n\n" + texts.shortened(audience);
		List<String> kept = new ArrayList<>(parts.subList(0, limits.maxParts()));
		String last = kept.get(kept.size() - 1);
		if (last.length() + suffix.length() > limits.partLength()) {
			last = TextSplitter.split(last, limits.partLength() - suffix.length()).get(0);
		}
		kept.set(kept.size() - 1, last + suffix);
		return kept;
	}

	/** The pipeline ends cited replies with a "Source: title – section" line; links replace it here. */
	private static String withoutSourceLine(String text, List<Citation> citations) {
		int last = text.lastIndexOf("\n\n");
		if (citations.isEmpty() || last < 0) {
			return text.strip();
		}
		String tail = text.substring(last + 2);
		return tail.startsWith("Source: ") || tail.startsWith("Sources: ") ? text.substring(0, last).strip()
				: text.strip();
	}

	private Optional<String> sources(List<Citation> citations, Audience audience) {
		Map<String, Set<String>> sections = new LinkedHashMap<>();
		Map<String, String> titles = new LinkedHashMap<>();
		for (Citation citation : citations) {
			String url = citation.url() == null ? "" : citation.url();
			titles.putIfAbsent(url, citation.title());
			sections.computeIfAbsent(url, key -> new LinkedHashSet<>()).add(citation.section());
		}
		if (titles.isEmpty()) {
			return Optional.empty();
		}
		List<String> lines = new ArrayList<>();
		titles.forEach((url, title) -> {
			Set<String> named = sections.get(url);
			String section = named.size() == 1 ? named.iterator().next() : "";
			String name = section == null || section.isBlank() ? title : title + " – " + section;
			lines.add(url.isEmpty() ? name : name + "\n" + url);
		});
		String opening = texts.sources(lines.size(), audience) + (lines.size() == 1 ? " " : "\n");
		return Optional.of(opening + String.join("\n", lines));
	}

	private String contactLines(List<Action> actions, String body, Audience audience) {
		Set<String> lines = new LinkedHashSet<>();
		for (Action action : actions) {
			switch (action.type()) {
				case "book" -> {
					if (!mentions(body, action.url())) {
						lines.add(texts.bookOnline(action.url(), audience));
					}
				}
				case "call", "handoff" -> {
					if (!mentions(body, action.phone())) {
						lines.add(texts.call(action.phone(), audience));
					}
				}
				case "callback" -> lines.add(texts.callback(audience));
				default -> {
				}
			}
		}
		return String.join("\n", lines);
	}

	private static boolean mentions(String body, String value) {
		return value == null || value.isBlank() || body.contains(value);
	}

}
