package com.frontdesk.answering.llm;

import com.frontdesk.answering.Answer;

/** What asking the model for an answer came to. */
public sealed interface ModelAnswer {

	/** The model answered from the passages, and the answer passed the guard. */
	record Written(Answer answer) implements ModelAnswer {
	}

	/** The model said the passages do not answer the question. */
	record NotCovered() implements ModelAnswer {
	}

	/**
	 * No usable answer (model off, down, slow, or its answer failed the guard): use the embedded answer.
	 * @param reason why, for metrics and logs (never the patient's words)
	 */
	record Unavailable(String reason) implements ModelAnswer {
	}

}
