package com.frontdesk.insights;

import java.time.Instant;
import java.util.List;

/**
 * Questions of a content gap that share a topic.
 *
 * @param topic the patient's own word for what the questions are about ("cost"), or null for questions without
 * any topical word
 * @param relatedWords other words several of the questions share
 * @param questions how many questions
 * @param notCovered how many the knowledge did not cover
 * @param lowConfidence how many were answered with low confidence
 * @param thumbsDown how many replies patients rated thumbs down
 * @param lastSeen when the latest was asked
 * @param examples a few of the questions, newest first, with personal data redacted
 * @param comments a few of the patients' comments on thumbs-down replies, redacted
 */
record GapTopic(String topic, List<String> relatedWords, int questions, int notCovered, int lowConfidence,
		int thumbsDown, Instant lastSeen, List<String> examples, List<String> comments) {
}
