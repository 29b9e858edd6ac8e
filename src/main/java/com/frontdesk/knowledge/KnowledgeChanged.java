package com.frontdesk.knowledge;

import com.frontdesk.practice.PracticeId;

/**
 * Published when files in a practice's knowledge folder were added, changed or removed: that practice's index is
 * built again, no other.
 *
 * @param practice whose folder changed
 * @param reason what happened, for the log
 */
public record KnowledgeChanged(PracticeId practice, String reason) {
}
