package com.frontdesk.practice;

import java.nio.file.Path;

/**
 * Where a practice's knowledge files are, as the module that reads them knows it (the default practice's folder is
 * {@code frontdesk.knowledge.dir}); asked when a practice is created, so that no two practices share content.
 */
public interface PracticeFolders {

	/** The practice's folder, absolute and normalized. */
	Path folderOf(Practice practice);

}
