package com.frontdesk.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every Markdown and plain-text file under the knowledge folder into passages. A file that cannot be
 * read or parsed is reported by name and skipped; it never stops the others.
 */
@Component
public class KnowledgeLoader {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);

	private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

	private final KnowledgeProperties properties;

	private final MarkdownPassageSplitter splitter;

	KnowledgeLoader(KnowledgeProperties properties) {
		this.properties = properties;
		this.splitter = new MarkdownPassageSplitter(properties.maxPassageWords());
	}

	public Path directory() {
		return properties.dir().toAbsolutePath().normalize();
	}

	/** Reads the whole folder; an unreadable folder is an error, unreadable files are only reported. */
	public KnowledgeSnapshot load() {
		Path root = directory();
		if (!Files.isDirectory(root)) {
			throw new KnowledgeFolderMissing(root);
		}
		List<Passage> passages = new ArrayList<>();
		List<KnowledgeProblem> problems = new ArrayList<>();
		int documents = 0;
		for (Path file : knowledgeFiles(root)) {
			String relative = root.relativize(file).toString().replace('\\', '/');
			try {
				passages.addAll(splitter.split(relative, read(file)));
				documents++;
			}
			catch (MalformedKnowledgeFile | IOException ex) {
				String reason = ex instanceof CharacterCodingException ? "not valid UTF-8 text" : ex.getMessage();
				problems.add(new KnowledgeProblem(relative, reason));
				log.warn("Skipped knowledge file {}: {}", relative, reason);
			}
		}
		return new KnowledgeSnapshot(passages, documents, problems);
	}

	static boolean isKnowledgeFile(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt"));
	}

	private static List<Path> knowledgeFiles(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).filter(KnowledgeLoader::isKnowledgeFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the knowledge folder " + root, ex);
		}
	}

	private static String read(Path file) throws IOException, MalformedKnowledgeFile {
		if (Files.size(file) > MAX_FILE_BYTES) {
			throw new MalformedKnowledgeFile("larger than 2 MB");
		}
		byte[] bytes = Files.readAllBytes(file);
		String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		if (text.indexOf('\0') >= 0) {
			throw new MalformedKnowledgeFile("binary content, not text");
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
