package com.frontdesk.retrieval;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

/**
 * The admin API for the knowledge index: {@code GET /api/admin/knowledge} shows what is indexed and which files
 * were skipped; {@code POST /api/admin/knowledge/reindex} re-reads the knowledge folder now, on this instance and
 * (within a heartbeat) on every other one. Only the admin may call them (see {@code platform.AdminSecurity}).
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class KnowledgeAdminController {

	private final KnowledgeIndex index;

	private final KnowledgeReindexRequests reindexRequests;

	KnowledgeAdminController(KnowledgeIndex index, KnowledgeReindexRequests reindexRequests) {
		this.index = index;
		this.reindexRequests = reindexRequests;
	}

	@GetMapping("/api/admin/knowledge")
	IndexStatus status() {
		return index.status();
	}

	@PostMapping("/api/admin/knowledge/reindex")
	IndexStatus reindex() {
		reindexRequests.requested();
		return index.reindex();
	}

}
