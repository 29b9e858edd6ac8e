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

import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeFolders;

/**
 * Reads every Markdown and plain-text file under a practice's knowledge folder into passages. A file that cannot be
 * read or parsed is reported by name and skipped; it never stops the others.
 */
@Component
public class KnowledgeLoader implements PracticeFolders {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);

	private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

	private final KnowledgeProperties properties;

	private final MarkdownPassageSplitter splitter;

	KnowledgeLoader(KnowledgeProperties properties) {
		this.properties = properties;
		this.splitter = new MarkdownPassageSplitter(properties.maxPassageWords());
	}

	/** The default practice's folder ({@code frontdesk.knowledge.dir}). */
	public Path directory() {
		return properties.dir().toAbsolutePath().normalize();
	}

	/** A practice's folder: its own {@code knowledge-dir}, or {@code frontdesk.knowledge.dir} for the default one. */
	public Path directory(Practice practice) {
		return folderOf(practice);
	}

	@Override
	public Path folderOf(Practice practice) {
		return practice.knowledgeDir().map(dir -> dir.toAbsolutePath().normalize()).orElseGet(this::directory);
	}

	/**
	 * Checks that no practice's folder lies inside another's: a folder is read with its sub-folders, so the outer
	 * practice would answer from the inner one's content.
	 * @throws IllegalStateException naming the two practices when one folder holds the other
	 */
	public void requireSeparateFolders(List<Practice> practices) {
		for (Practice outer : practices) {
			for (Practice inner : practices) {
				if (outer != inner && directory(inner).startsWith(directory(outer))) {
					throw new IllegalStateException("The knowledge folder of the practice '" + inner.id()
							+ "' is inside the one of '" + outer.id() + "'; each practice's content is its own");
				}
			}
		}
	}

	/** Reads the default practice's folder ({@link #load(Practice)}). */
	public KnowledgeSnapshot load() {
		return load(directory(), "frontdesk.knowledge.dir");
	}

	/**
	 * Reads a practice's whole folder; an unreadable folder is an error, unreadable files are only reported.
	 * @throws KnowledgeFolderMissing when the practice's folder does not exist
	 */
	public KnowledgeSnapshot load(Practice practice) {
		return load(directory(practice), practice.knowledgeDir().isPresent()
				? "the knowledge-dir of the practice '" + practice.id() + "'" : "frontdesk.knowledge.dir");
	}

	private KnowledgeSnapshot load(Path root, String setting) {
		if (!Files.isDirectory(root)) {
			throw new KnowledgeFolderMissing(root, setting);
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
