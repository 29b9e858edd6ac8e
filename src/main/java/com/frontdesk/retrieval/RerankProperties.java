package com.frontdesk.retrieval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reranker that puts the candidate passages of a question in the order of how likely each is the one that answers
 * it ({@link PassageReranker}).
 *
 * @param enabled off: the fused ranking with the section votes decides the order, as before the reranker
 * @param weightsFile optional file of feature weights (one {@code name TAB weight} a line) replacing the shipped
 * {@code retrieval/rerank-weights.tsv}
 */
@ConfigurationProperties("frontdesk.retrieval.rerank")
record RerankProperties(@DefaultValue("true") boolean enabled, String weightsFile) {
}
