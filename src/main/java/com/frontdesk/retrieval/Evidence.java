package com.frontdesk.retrieval;

/**
 * What speaks for the page answering a question.
 *
 * @param coverage share of the question's topical words, weighted by rarity, that the best keyword passages hold
 * @param similarity cosine similarity of the question and the passage closest in meaning (0 without vectors)
 * @param examples mean cosine of the nearest labelled answerable questions minus that of the nearest unanswerable
 * ones (0 without vectors)
 * @param score the calibrated combination, from 0 to 1
 */
public record Evidence(double coverage, double similarity, double examples, double score) {

	static final Evidence NONE = new Evidence(0, 0, 0, 0);

}
