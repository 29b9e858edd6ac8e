package com.frontdesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one knowledge file into passages: the front matter gives the title, source URL and tags; every
 * heading starts a section whose text becomes one passage (or several, when it is long), keeping the
 * document title and the heading path.
 */
class MarkdownPassageSplitter {

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

	private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");

	private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");

	private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"(])");

	private final int maxPassageWords;

	MarkdownPassageSplitter(int maxPassageWords) {
		this.maxPassageWords = maxPassageWords;
	}

	List<Passage> split(String relativePath, String content) throws MalformedKnowledgeFile {
		List<String> lines = content.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
		int bodyStart = 0;
		FrontMatter frontMatter = FrontMatter.NONE;
		if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
			int end = closingFence(lines);
			frontMatter = FrontMatter.parse(lines.subList(1, end));
			bodyStart = end + 1;
		}
		boolean markdown = !relativePath.toLowerCase(Locale.ROOT).endsWith(".txt");
		List<Section> sections = markdown ? sections(lines.subList(bodyStart, lines.size()))
				: List.of(new Section("", "", lines.subList(bodyStart, lines.size())));
		String title = firstNonBlank(frontMatter.get("title"), h1Title(sections), markdown ? "" : fileTitle(relativePath));
		if (title.isEmpty()) {
			throw new MalformedKnowledgeFile("no title: add 'title:' to the front matter or a '# Heading'");
		}
		String url = firstNonBlank(frontMatter.get("url"), frontMatter.get("source"), "");
		List<String> tags = frontMatter.list("tags");
		String procedure = frontMatter.get("procedure");
		String language = language(frontMatter.get("lang"));
		List<Passage> passages = new ArrayList<>();
		for (Section section : sections) {
			for (String chunk : chunks(paragraphs(section.lines()))) {
				passages.add(new Passage(relativePath + "#" + passages.size(), title, section.path(), chunk, url,
						procedure, tags, language));
			}
		}
		if (passages.isEmpty()) {
			throw new MalformedKnowledgeFile("no text under any heading");
		}
		return passages;
	}

	/** {@code lang: es} (or {@code es-MX}, {@code spanish}, {@code español}): Spanish; nothing or anything else: English. */
	private static String language(String lang) {
		String tag = lang.strip().toLowerCase(Locale.ROOT);
		return tag.equals("es") || tag.startsWith("es-") || tag.startsWith("es_") || tag.equals("spanish")
				|| tag.equals("español") || tag.equals("espanol") ? Passage.SPANISH : Passage.ENGLISH;
	}

	private static int closingFence(List<String> lines) throws MalformedKnowledgeFile {
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("---")) {
				return i;
			}
		}
		throw new MalformedKnowledgeFile("front matter starts with '---' but is never closed");
	}

	private record Section(String path, String h1, List<String> lines) {
	}

	private static List<Section> sections(List<String> body) {
		List<Section> sections = new ArrayList<>();
		String[] headings = new String[7];
		String h1 = "";
		List<String> current = new ArrayList<>();
		String currentPath = "";
		boolean inFence = false;
		for (String line : body) {
			if (line.strip().startsWith("```")) {
				inFence = !inFence;
				continue;
			}
			Matcher heading = inFence ? null : HEADING.matcher(line);
			if (heading != null && heading.matches()) {
				sections.add(new Section(currentPath, h1, current));
				current = new ArrayList<>();
				int level = heading.group(1).length();
				String text = inline(heading.group(2));
				if (level == 1) {
					h1 = h1.isEmpty() ? text : h1;
					java.util.Arrays.fill(headings, null);
				}
				else {
					headings[level] = text;
					for (int deeper = level + 1; deeper < headings.length; deeper++) {
						headings[deeper] = null;
					}
				}
				currentPath = path(headings);
			}
			else {
				current.add(line);
			}
		}
		sections.add(new Section(currentPath, h1, current));
		String title = h1;
		return sections.stream().map(s -> new Section(s.path(), title, s.lines())).toList();
	}

	private static String path(String[] headings) {
		List<String> parts = new ArrayList<>();
		for (int level = 2; level < headings.length; level++) {
			if (headings[level] != null) {
				parts.add(headings[level]);
			}
		}
		return String.join(Passage.SECTION_SEPARATOR, parts);
	}

	/** Paragraphs of plain text: blank lines separate paragraphs, and each list item stands alone. */
	private static List<String> paragraphs(List<String> lines) {
		List<String> paragraphs = new ArrayList<>();
		StringBuilder paragraph = new StringBuilder();
		for (String line : lines) {
			String stripped = line.strip();
			boolean listItem = LIST_MARKER.matcher(line).find();
			if (stripped.isEmpty() || listItem || stripped.startsWith(">") && paragraph.isEmpty()) {
				flush(paragraph, paragraphs);
			}
			if (stripped.isEmpty()) {
				continue;
			}
			String text = inline(LIST_MARKER.matcher(stripped).replaceFirst("").replaceFirst("^>\\s*", ""));
			if (listItem && !text.isEmpty()) {
				text = "- " + text;
			}
			if (!paragraph.isEmpty()) {
				paragraph.append(' ');
			}
			paragraph.append(text);
			if (listItem) {
				flush(paragraph, paragraphs);
			}
		}
		flush(paragraph, paragraphs);
		return paragraphs;
	}

	private static void flush(StringBuilder paragraph, List<String> paragraphs) {
		String text = paragraph.toString().strip();
		if (!text.isEmpty()) {
			paragraphs.add(text);
		}
		paragraph.setLength(0);
	}

	/** Groups paragraphs into passages of at most {@code maxPassageWords}, splitting long paragraphs by sentence. */
	private List<String> chunks(List<String> paragraphs) {
		List<String> pieces = new ArrayList<>();
		for (String paragraph : paragraphs) {
			if (words(paragraph) <= maxPassageWords) {
				pieces.add(paragraph);
			}
			else {
				pieces.addAll(List.of(SENTENCE_END.split(paragraph)));
			}
		}
		List<String> chunks = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		int chunkWords = 0;
		for (String piece : pieces) {
			int pieceWords = words(piece);
			if (chunkWords > 0 && chunkWords + pieceWords > maxPassageWords) {
				chunks.add(chunk.toString());
				chunk.setLength(0);
				chunkWords = 0;
			}
			if (chunkWords > 0) {
				chunk.append('\n');
			}
			chunk.append(piece);
			chunkWords += pieceWords;
		}
		if (chunkWords > 0) {
			chunks.add(chunk.toString());
		}
		return chunks;
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	private static String inline(String text) {
		String withoutLinks = LINK.matcher(text).replaceAll("$1");
		return EMPHASIS.matcher(withoutLinks).replaceAll("").strip();
	}

	private static String h1Title(List<Section> sections) {
		return sections.isEmpty() ? "" : sections.get(0).h1();
	}

	private static String fileTitle(String relativePath) {
		String name = relativePath.substring(relativePath.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
		String words = name.replace('-', ' ').replace('_', ' ').strip();
		return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return "";
	}

}
