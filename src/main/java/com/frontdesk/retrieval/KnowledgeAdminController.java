package com.frontdesk.retrieval;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.knowledge.KnowledgeFolderMissing;
import com.frontdesk.platform.Problems;
import com.frontdesk.practice.PracticeId;

/**
 * The admin API for a practice's knowledge index: {@code GET /api/admin/knowledge} shows what is indexed and which
 * files were skipped; {@code POST /api/admin/knowledge/reindex} re-reads the practice's knowledge folder now, on this
 * instance and (within a heartbeat) on every other one. Both act for the staff account's own practice (the operator
 * may name another, {@code ?practice=}); only a practice admin may call them (see {@code platform.AdminSecurity}).
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class KnowledgeAdminController {

	private final KnowledgeIndexes indexes;

	private final KnowledgeReindexRequests reindexRequests;

	KnowledgeAdminController(KnowledgeIndexes indexes, KnowledgeReindexRequests reindexRequests) {
		this.indexes = indexes;
		this.reindexRequests = reindexRequests;
	}

	@GetMapping("/api/admin/knowledge")
	IndexStatus status(PracticeId practice) {
		return indexes.status(practice);
	}

	@PostMapping("/api/admin/knowledge/reindex")
	IndexStatus reindex(PracticeId practice) {
		IndexStatus status = indexes.reindex(practice);
		reindexRequests.requested(practice);
		return status;
	}

	/** The practice's folder is gone: nothing was re-indexed, its index keeps what it had. */
	@ExceptionHandler(KnowledgeFolderMissing.class)
	ProblemDetail folderMissing(KnowledgeFolderMissing ex) {
		return Problems.problem(HttpStatus.CONFLICT, "knowledge-folder-missing", "Knowledge folder missing",
				"The practice's knowledge folder was not found on the server, so nothing was re-indexed; its index "
						+ "keeps what it had. Ask the host to restore the folder or correct its setting.");
	}

}
