package com.frontdesk.knowledge;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small {@code key: value} header between {@code ---} lines at the top of a knowledge file. */
record FrontMatter(Map<String, String> values) {

	static final FrontMatter NONE = new FrontMatter(Map.of());

	static FrontMatter parse(List<String> lines) throws MalformedKnowledgeFile {
		Map<String, String> values = new LinkedHashMap<>();
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new MalformedKnowledgeFile("front matter line is not 'key: value': " + abbreviate(line));
			}
			String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
			values.put(key, unquote(line.substring(colon + 1).strip()));
		}
		return new FrontMatter(values);
	}

	String get(String key) {
		return values.getOrDefault(key, "");
	}

	List<String> list(String key) {
		String value = get(key);
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		return Arrays.stream(value.split(",")).map(String::strip).map(FrontMatter::unquote)
			.filter(s -> !s.isEmpty()).toList();
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
				|| value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	private static String abbreviate(String line) {
		return line.length() > 60 ? line.substring(0, 60) + "..." : line;
	}

}
