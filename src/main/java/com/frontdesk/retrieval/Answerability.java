package com.frontdesk.retrieval;

/**
 * Whether the practice's page answers a question, as one calibrated score: a logistic combination of the evidence
 * (how much of the question's topical words the best passages hold, how close in meaning the best passage is, and how
 * much closer the question is to labelled answerable questions than to unanswerable ones). The weights and the
 * threshold are settings, chosen on labelled questions (see {@code docs/benchmarks.md}, answerability).
 */
final class Answerability {

	private final RetrievalProperties.Answerability settings;

	Answerability(RetrievalProperties.Answerability settings) {
		this.settings = settings;
	}

	/** The evidence, with its score from 0 (surely not answered) to 1 (surely answered). */
	Evidence weigh(double coverage, double similarity, double examples) {
		double logit = settings.bias() + settings.coverageWeight() * coverage + settings.similarityWeight() * similarity
				+ settings.examplesWeight() * examples;
		return new Evidence(coverage, similarity, examples, 1 / (1 + Math.exp(-logit)));
	}

	/** The page answers the question, at least on its closest topic (a reply with a caveat). */
	boolean answers(Evidence evidence) {
		return evidence.score() >= settings.hedgeAt();
	}

	/**
	 * The page answers the question although none of its passages holds a word of it: the evidence of meaning (the
	 * passages and the labelled questions nearest to it) is strong enough alone.
	 */
	boolean answersByMeaningAlone(Evidence evidence) {
		return evidence.score() >= settings.meaningAloneAt();
	}

	/** The page may not answer exactly what was asked: the closest passage goes with a caveat. */
	boolean hedged(Evidence evidence) {
		return evidence.score() < settings.answerAt();
	}

}
