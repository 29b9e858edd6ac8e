package com.frontdesk.knowledge;

import java.nio.file.Path;

/** The configured knowledge folder does not exist: the practice's content cannot be indexed at all. */
public class KnowledgeFolderMissing extends RuntimeException {

	public KnowledgeFolderMissing(Path dir) {
		super("Knowledge folder not found: " + dir + " (set frontdesk.knowledge.dir)");
	}

}
