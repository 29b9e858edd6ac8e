package com.frontdesk.knowledge;

import java.nio.file.Path;

/** The configured knowledge folder does not exist: the practice's content cannot be indexed at all. */
public class KnowledgeFolderMissing extends RuntimeException {

	public KnowledgeFolderMissing(Path dir) {
		this(dir, "frontdesk.knowledge.dir");
	}

	/** @param setting the setting that names the folder, for the message */
	public KnowledgeFolderMissing(Path dir, String setting) {
		super("Knowledge folder not found: " + dir + " (set " + setting + ")");
	}

}
