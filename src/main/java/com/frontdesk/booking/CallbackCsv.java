package com.frontdesk.booking;

import java.time.Instant;
import java.util.List;

/**
 * Callback requests as CSV for a spreadsheet: RFC 4180 (comma-separated, CRLF line ends, fields with commas, quotes
 * or line breaks in double quotes, quotes doubled), UTF-8 with a byte order mark so Excel reads accents and other
 * scripts right, a header row. A cell that starts with {@code = + - @} (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it as text and never runs it as a formula.
 */
final class CallbackCsv {

	static final String BOM = "\uFEFF";

	static final List<String> HEADER = List.of("id", "createdAt", "channel", "conversationId", "name", "phone", "email",
			"preferredTime", "reason", "status", "consentText", "consentAt", "doneAt", "deliveryStatus");

	private CallbackCsv() {
	}

	static String of(List<CallbackRequest> requests) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, HEADER);
		for (CallbackRequest r : requests) {
			line(csv, List.of(r.id(), time(r.createdAt()), r.channel(), text(r.conversationId()), r.name(), r.phone(),
					text(r.email()), r.preferredTime().value(), text(r.reason()), r.status(), r.consentText(),
					time(r.consentAt()), time(r.doneAt()), r.deliveryStatus()));
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells.get(i)));
		}
		csv.append("\r\n");
	}

	static String cell(String value) {
		String text = neutralise(value);
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	private static String neutralise(String value) {
		if (value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private static String time(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
