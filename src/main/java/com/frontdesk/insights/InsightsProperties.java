package com.frontdesk.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the practice's reports.
 *
 * @param lowConfidence an answer whose retrieval confidence (0 to 1) is below this counts as a content gap, like a
 * question the knowledge did not cover
 * @param maxCommentLength longest comment a patient may leave with a rating, in characters
 */
@ConfigurationProperties("frontdesk.insights")
record InsightsProperties(@DefaultValue("0.91") double lowConfidence, @DefaultValue("1000") int maxCommentLength) {

	InsightsProperties {
		if (lowConfidence < 0 || lowConfidence > 1) {
			throw new IllegalArgumentException("frontdesk.insights.low-confidence must be between 0 and 1");
		}
		if (maxCommentLength < 1 || maxCommentLength > 1000) {
			throw new IllegalArgumentException("frontdesk.insights.max-comment-length must be between 1 and 1000");
		}
	}

}
