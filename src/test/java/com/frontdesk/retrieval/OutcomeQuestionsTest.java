package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeQuestionsTest {

	/** What the operation will do for a symptom is an outcome question; whether it fits the patient is not. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "will it help my leg pain?|true",
			"Will the fusion do anything for the pain running down my leg?|true",
			"does it help the lower back pian and the leg pain to?|true", "Is this surgery going to fix my back ache?|true",
			"¿La cirugía me va a ayudar con el dolor de la pierna?|true", "¿me quitará el dolor de espalda?|true",
			"the injections didn't help my back, could this work for me?|false", "can this help a curved spine?|false",
			"does the bone graft help things grow?|false", "will my back pain come back years later?|false",
			"how many incisions will they make on my back?|false", "¿me serviría esta operación?|false" })
	void whatTheOperationWillDoForASymptomIsAnOutcomeQuestion(String question, boolean outcome) {
		assertThat(OutcomeQuestions.asks(question)).isEqualTo(outcome);
	}

}
