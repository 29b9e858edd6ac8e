package com.frontdesk.insights;

import java.time.Instant;

/**
 * A question the practice's content did not answer well: not covered, answered with low confidence, or rated
 * thumbs down (any of the three, or several).
 *
 * @param comment what the patient wrote with a thumbs down, or null
 */
record GapQuestion(long turnId, String question, Instant at, boolean notCovered, boolean lowConfidence,
		boolean thumbsDown, String comment) {
}
