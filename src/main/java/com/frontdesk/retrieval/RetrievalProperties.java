package com.frontdesk.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passages are found and when the knowledge counts as covering a question.
 *
 * @param maxPassages most passages an answer draws on
 * @param minCoverage share (0..1, weighted by rarity) of the question's topical words that the best passages must
 * contain for the question to count as covered; below it the reply is {@code not_covered}
 * @param relativeScoreCutoff passages scoring below this share of the best passage's score are not used
 * @param typoCorrection correct misspelled words against the knowledge vocabulary ("latteral fussion")
 * @param synonymsFile optional file of lay-term rules replacing the built-in map (Solr synonym format)
 */
@ConfigurationProperties("frontdesk.retrieval")
public record RetrievalProperties(@DefaultValue("3") int maxPassages, @DefaultValue("0.5") double minCoverage,
		@DefaultValue("0.45") double relativeScoreCutoff, @DefaultValue("true") boolean typoCorrection,
		String synonymsFile) {
}
