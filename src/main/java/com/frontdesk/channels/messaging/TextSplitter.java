package com.frontdesk.channels.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into messages of at most a given length, at the largest boundary that fits: paragraph, line,
 * sentence, word, and only as a last resort inside a word (never inside a surrogate pair).
 */
final class TextSplitter {

	private static final String[] SEPARATORS = { "\n\n", "\n", "(?<=[.!?])\\s+", "\\s+" };

	private static final String[] JOINERS = { "\n\n", "\n", " ", " " };

	private TextSplitter() {
	}

	static List<String> split(String text, int limit) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (Piece piece : pieces(text.strip(), limit, 0, "")) {
			if (current.isEmpty()) {
				current.append(piece.text());
			}
			else if (current.length() + piece.joiner().length() + piece.text().length() <= limit) {
				current.append(piece.joiner()).append(piece.text());
			}
			else {
				parts.add(current.toString());
				current.setLength(0);
				current.append(piece.text());
			}
		}
		if (!current.isEmpty()) {
			parts.add(current.toString());
		}
		return parts;
	}

	private record Piece(String joiner, String text) {
	}

	private static List<Piece> pieces(String text, int limit, int level, String joiner) {
		if (text.length() <= limit) {
			return List.of(new Piece(joiner, text));
		}
		if (level == SEPARATORS.length) {
			return hardCut(text, limit, joiner);
		}
		List<Piece> pieces = new ArrayList<>();
		String[] chunks = text.split(SEPARATORS[level]);
		for (int i = 0; i < chunks.length; i++) {
			String chunk = chunks[i].strip();
			if (!chunk.isEmpty()) {
				pieces.addAll(pieces(chunk, limit, level + 1, pieces.isEmpty() ? joiner : JOINERS[level]));
			}
		}
		return pieces;
	}

	private static List<Piece> hardCut(String text, int limit, String joiner) {
		List<Piece> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(text.length(), start + limit);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			pieces.add(new Piece(pieces.isEmpty() ? joiner : "", text.substring(start, end)));
			start = end;
		}
		return pieces;
	}

}
