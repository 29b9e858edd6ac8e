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
	 * The model found that the patient's message describes what may be an emergency, which triage did not catch: the
	 * turn is raised to an emergency and nothing the model wrote is shown. A model can only raise a turn this way,
	 * never lower one (triage's emergencies never reach it).
	 * @param selfHarm the patient wrote of harming themselves: the crisis line comes first
	 */
	record Emergency(boolean selfHarm) implements ModelAnswer {
	}

	/**
	 * No usable answer (model off, down, slow, or its answer failed the guard): use the embedded answer.
	 * @param reason why, for metrics and logs (never the patient's words)
	 */
	record Unavailable(String reason) implements ModelAnswer {
	}

}
